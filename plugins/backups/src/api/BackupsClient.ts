import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  backupsOverviewSchema,
  type BackupsOverview,
} from '@internal/plugin-backups-common';
import { BackupsApi } from './BackupsApi';

/** Talks to the backups backend through the discovery and fetch APIs. */
export class BackupsClient implements BackupsApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getOverview(entityRef: CompoundEntityRef): Promise<BackupsOverview> {
    const path = [entityRef.namespace, entityRef.kind, entityRef.name]
      .map(encodeURIComponent)
      .join('/');
    const body = await this.#request<unknown>(`/v1/entities/${path}/overview`);
    // The contract is shared with the backend; a mismatch is a bug worth surfacing.
    return backupsOverviewSchema.parse(body);
  }

  async #request<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('backups');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
