import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import {
  ClusterWriter,
  JsonPatchOperation,
  KubeItem,
  ResourceRef,
} from './ClusterState';
import { pageOptions } from './ListingClusterState';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The plugin's writes through client-node: custom objects only (Velero
 * Restores and DownloadRequests, Flux objects), never core kinds, each with
 * a deadline.
 */
export class KubeClusterWriter implements ClusterWriter {
  readonly clusterName: string;
  readonly #custom: CustomObjectsApi;
  readonly #bearerToken?: () => Promise<string>;
  readonly #timeoutMs: number;

  static create(options: {
    clusterName: string;
    kubeConfig: KubeConfig;
    bearerToken?: () => Promise<string>;
    timeoutMs?: number;
  }) {
    return new KubeClusterWriter(options);
  }

  private constructor(options: {
    clusterName: string;
    kubeConfig: KubeConfig;
    bearerToken?: () => Promise<string>;
    timeoutMs?: number;
  }) {
    this.clusterName = options.clusterName;
    this.#custom = options.kubeConfig.makeApiClient(CustomObjectsApi);
    this.#bearerToken = options.bearerToken;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async #options(signal?: AbortSignal) {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    return pageOptions(
      signal ? AbortSignal.any([signal, timeout]) : timeout,
      await this.#bearerToken?.(),
    );
  }

  #custom_(resource: ResourceRef) {
    if (!resource.group)
      throw new Error(`the backups plugin writes no core ${resource.plural}`);
    return {
      group: resource.group,
      version: resource.version,
      plural: resource.plural,
    };
  }

  async create(
    resource: ResourceRef,
    namespace: string,
    body: object,
    options: { signal?: AbortSignal } = {},
  ): Promise<KubeItem> {
    return (await this.#custom.createNamespacedCustomObject(
      { ...this.#custom_(resource), namespace, body },
      await this.#options(options.signal),
    )) as KubeItem;
  }

  async patch(
    resource: ResourceRef,
    namespace: string,
    name: string,
    operations: JsonPatchOperation[],
    options: { signal?: AbortSignal } = {},
  ): Promise<void> {
    await this.#custom.patchNamespacedCustomObject(
      { ...this.#custom_(resource), namespace, name, body: operations },
      await this.#options(options.signal),
    );
  }
}
