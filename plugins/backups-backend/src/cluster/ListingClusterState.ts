import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import {
  ClusterState,
  KubeItem,
  ListOptions,
  ResourceRef,
} from './ClusterState';

type Page = { items?: any[]; metadata?: { continue?: string } };

/** Raised when the API server does not answer within the configured time. */
export class ClusterTimeoutError extends Error {
  readonly name = 'ClusterTimeoutError';
}

function project(raw: any): KubeItem {
  // JSON round trip: typed client-node models carry Date objects.
  const plain = JSON.parse(JSON.stringify(raw));
  const { name, namespace, labels, creationTimestamp } = plain.metadata ?? {};
  return {
    metadata: { name, namespace, labels, creationTimestamp },
    spec: plain.spec,
    status: plain.status,
    // VolumeSnapshotClass keeps its fields at the top level.
    ...(plain.driver ? { driver: plain.driver } : {}),
  };
}

/**
 * The cluster-state layer that LISTs on every call, page by page with
 * `limit`/`continue`, and keeps only the fields readers use.
 */
export class ListingClusterState implements ClusterState {
  readonly clusterName: string;
  readonly #custom: CustomObjectsApi;
  readonly #core: CoreV1Api;
  readonly #pageSize: number;
  readonly #timeoutMs: number;

  static create(options: {
    clusterName: string;
    kubeConfig: KubeConfig;
    pageSize?: number;
    timeoutMs?: number;
  }) {
    return new ListingClusterState(options);
  }

  private constructor(options: {
    clusterName: string;
    kubeConfig: KubeConfig;
    pageSize?: number;
    timeoutMs?: number;
  }) {
    this.clusterName = options.clusterName;
    this.#custom = options.kubeConfig.makeApiClient(CustomObjectsApi);
    this.#core = options.kubeConfig.makeApiClient(CoreV1Api);
    this.#pageSize = options.pageSize ?? 500;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  async list(
    resource: ResourceRef,
    options: ListOptions = {},
  ): Promise<KubeItem[]> {
    const items: KubeItem[] = [];
    let continueToken: string | undefined;
    do {
      const page = await this.#withTimeout(
        this.#page(resource, options, continueToken),
      );
      items.push(...(page.items ?? []).map(project));
      continueToken = page.metadata?.continue || undefined;
    } while (continueToken);
    return items;
  }

  #page(
    resource: ResourceRef,
    options: ListOptions,
    continueToken?: string,
  ): Promise<Page> {
    const common = {
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      limit: this.#pageSize,
      _continue: continueToken,
    };
    if (resource.group === '') {
      if (resource.plural !== 'persistentvolumeclaims' || !options.namespace) {
        throw new Error(
          `core resource ${resource.plural} is not read by the backups plugin`,
        );
      }
      return this.#core.listNamespacedPersistentVolumeClaim({
        namespace: options.namespace,
        ...common,
      }) as Promise<Page>;
    }
    const { group, version, plural } = resource;
    return options.namespace
      ? this.#custom.listNamespacedCustomObject({
          group,
          version,
          plural,
          namespace: options.namespace,
          ...common,
        })
      : this.#custom.listClusterCustomObject({
          group,
          version,
          plural,
          ...common,
        });
  }

  async #withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ClusterTimeoutError(
              `no answer from cluster "${this.clusterName}" within ${
                this.#timeoutMs
              } ms`,
            ),
          ),
        this.#timeoutMs,
      );
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
