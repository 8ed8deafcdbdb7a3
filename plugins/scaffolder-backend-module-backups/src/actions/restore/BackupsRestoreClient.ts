import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  restoreCreatedSchema,
  restoreListSchema,
  restorePlanSchema,
  type RestoreCreated,
  type RestoreList,
  type RestorePlan,
  type RestorePlanRequest,
} from '@internal/plugin-backups-common';
import { backupsError } from './backupsError';

type Options = {
  auth: AuthService;
  discovery: DiscoveryService;
  /** The task's initiator: restores are refused to a service acting for nobody. */
  onBehalfOf: BackstageCredentials;
  entity: { kind: string; namespace: string; name: string };
  signal?: AbortSignal;
};

type Call = {
  what: string;
  method?: 'GET' | 'POST';
  body?: object;
  headers?: Record<string, string>;
};

/**
 * The restore routes of the backups backend for one entity. Answers are
 * parsed with the schemas shared with the backend.
 */
export class BackupsRestoreClient {
  readonly #o: Options;

  static create(options: Options): BackupsRestoreClient {
    return new BackupsRestoreClient(options);
  }

  private constructor(options: Options) {
    this.#o = options;
  }

  async plan(request: RestorePlanRequest): Promise<RestorePlan> {
    const body = await this.#request('restore-plans', {
      what: 'Planning the restore',
      method: 'POST',
      body: request,
    });
    return restorePlanSchema.parse(body);
  }

  async createRestore(
    plan: { id: string; hash: string },
    idempotencyKey: string,
  ): Promise<RestoreCreated> {
    const body = await this.#request('restores', {
      what: 'Requesting the restore',
      method: 'POST',
      body: { planId: plan.id, planHash: plan.hash },
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    return restoreCreatedSchema.parse(body);
  }

  async listRestores(): Promise<RestoreList> {
    const body = await this.#request('restores', {
      what: "Reading the entity's restores",
    });
    return restoreListSchema.parse(body);
  }

  async #request(path: string, call: Call): Promise<unknown> {
    const { auth, discovery, onBehalfOf, entity, signal } = this.#o;
    // A fresh token each call: a wait can outlast one.
    const [baseUrl, { token }] = await Promise.all([
      discovery.getBaseUrl('backups'),
      auth.getPluginRequestToken({ onBehalfOf, targetPluginId: 'backups' }),
    ]);
    const segments = [entity.namespace, entity.kind, entity.name]
      .map(encodeURIComponent)
      .join('/');
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/v1/entities/${segments}/${path}`, {
        method: call.method ?? 'GET',
        headers: {
          Authorization: `Bearer ${token}`,
          ...(call.body ? { 'Content-Type': 'application/json' } : {}),
          ...call.headers,
        },
        body: call.body && JSON.stringify(call.body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw backupsError(call.what, error);
    }
    if (!response.ok)
      throw backupsError(call.what, await ResponseError.fromResponse(response));
    // Parsed here, not by fetch: the plan's untyped parts become outputs, and
    // the templating refuses objects of another realm (fetch's, under jest).
    return JSON.parse(await response.text());
  }
}
