import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  backupsHistorySchema,
  backupsOverviewSchema,
  drillCreatedSchema,
  drillListSchema,
  drillPlanSchema,
  restoreCreatedSchema,
  restoreListSchema,
  restorePlanSchema,
  type BackupsHistory,
  type BackupsOverview,
  type DrillCreated,
  type DrillCreateRequest,
  type DrillList,
  type DrillPlan,
  type DrillPlanRequest,
  type RestoreCreated,
  type RestoreList,
  type RestorePlan,
  type RestorePlanRequest,
} from '@internal/plugin-backups-common';
import { BackupsApi, LogTarget } from './BackupsApi';

/** Talks to the backups backend through the discovery and fetch APIs. */
export class BackupsClient implements BackupsApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  // Answers are parsed with the schemas shared with the backend; a mismatch is a bug worth surfacing.
  async getOverview(entityRef: CompoundEntityRef): Promise<BackupsOverview> {
    const response = await this.#request(entityRef, '/overview');
    return backupsOverviewSchema.parse(await response.json());
  }

  async planRestore(
    entityRef: CompoundEntityRef,
    request: RestorePlanRequest,
  ): Promise<RestorePlan> {
    const response = await this.#request(entityRef, '/restore-plans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return restorePlanSchema.parse(await response.json());
  }

  async createRestore(
    entityRef: CompoundEntityRef,
    plan: { planId: string; planHash: string },
    idempotencyKey: string,
  ): Promise<RestoreCreated> {
    const response = await this.#request(entityRef, '/restores', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey,
      },
      body: JSON.stringify({ planId: plan.planId, planHash: plan.planHash }),
    });
    return restoreCreatedSchema.parse(await response.json());
  }

  async listRestores(entityRef: CompoundEntityRef): Promise<RestoreList> {
    const response = await this.#request(entityRef, '/restores');
    return restoreListSchema.parse(await response.json());
  }

  async getLogs(
    entityRef: CompoundEntityRef,
    target: LogTarget,
  ): Promise<string> {
    const query = new URLSearchParams({ cluster: target.cluster });
    const response = await this.#request(
      entityRef,
      `/${target.kind}s/${encodeURIComponent(target.name)}/logs?${query}`,
    );
    return response.text();
  }

  async getHistory(
    entityRef: CompoundEntityRef,
    range: { from: string; to: string; maxPoints?: number },
  ): Promise<BackupsHistory> {
    const query = new URLSearchParams({ from: range.from, to: range.to });
    if (range.maxPoints !== undefined)
      query.set('maxPoints', String(range.maxPoints));
    const response = await this.#request(entityRef, `/history?${query}`);
    return backupsHistorySchema.parse(await response.json());
  }

  async planDrill(
    entityRef: CompoundEntityRef,
    request: DrillPlanRequest,
  ): Promise<DrillPlan> {
    const response = await this.#request(entityRef, '/drill-plans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return drillPlanSchema.parse(await response.json());
  }

  async runDrill(
    entityRef: CompoundEntityRef,
    request: DrillCreateRequest,
    idempotencyKey: string,
  ): Promise<DrillCreated> {
    const response = await this.#request(entityRef, '/drills', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey,
      },
      body: JSON.stringify(request),
    });
    return drillCreatedSchema.parse(await response.json());
  }

  async listDrills(entityRef: CompoundEntityRef): Promise<DrillList> {
    const response = await this.#request(entityRef, '/drills');
    return drillListSchema.parse(await response.json());
  }

  async #request(
    entityRef: CompoundEntityRef,
    path: string,
    init?: RequestInit,
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('backups');
    const entity = [entityRef.namespace, entityRef.kind, entityRef.name]
      .map(encodeURIComponent)
      .join('/');
    const response = await this.#fetchApi.fetch(
      `${baseUrl}/v1/entities/${entity}${path}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
