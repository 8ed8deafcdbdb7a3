import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  NetworkingV1Api,
} from '@kubernetes/client-node';
import {
  ClusterWriter,
  JsonPatchOperation,
  KubeItem,
  ResourceRef,
} from './ClusterState';
import { pageOptions } from './ListingClusterState';

const DEFAULT_TIMEOUT_MS = 10_000;

type Options = ReturnType<typeof pageOptions>;

/** A built-in kind the plugin writes, through its typed client. */
type BuiltIn = {
  create(namespace: string | undefined, body: any, o: Options): Promise<any>;
  delete(namespace: string | undefined, name: string, o: Options): Promise<any>;
};

function isNotFound(error: unknown) {
  return (error as { code?: number }).code === 404;
}

/**
 * The plugin's writes through client-node, each with a deadline: custom
 * objects (Velero Restores and DownloadRequests, Flux objects, CNPG
 * Clusters) and the few built-in kinds restore drills create and delete
 * (Namespaces, ConfigMaps, NetworkPolicies). Any other built-in kind is
 * refused here, whatever RBAC would allow.
 */
export class KubeClusterWriter implements ClusterWriter {
  readonly clusterName: string;
  readonly #custom: CustomObjectsApi;
  readonly #builtIn: Record<string, BuiltIn>;
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
    const core = options.kubeConfig.makeApiClient(CoreV1Api);
    const networking = options.kubeConfig.makeApiClient(NetworkingV1Api);
    const background = 'Background';
    this.#builtIn = {
      '/namespaces': {
        create: (_ns, body, o) => core.createNamespace({ body }, o),
        delete: (_ns, name, o) =>
          core.deleteNamespace({ name, propagationPolicy: background }, o),
      },
      '/configmaps': {
        create: (ns, body, o) =>
          core.createNamespacedConfigMap({ namespace: ns!, body }, o),
        delete: (ns, name, o) =>
          core.deleteNamespacedConfigMap({ namespace: ns!, name }, o),
      },
      'networking.k8s.io/networkpolicies': {
        create: (ns, body, o) =>
          networking.createNamespacedNetworkPolicy({ namespace: ns!, body }, o),
        delete: (ns, name, o) =>
          networking.deleteNamespacedNetworkPolicy({ namespace: ns!, name }, o),
      },
    };
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

  #builtInFor(resource: ResourceRef): BuiltIn | undefined {
    if (resource.group && resource.group !== 'networking.k8s.io')
      return undefined;
    const kind = this.#builtIn[`${resource.group}/${resource.plural}`];
    if (!kind)
      throw new Error(`the backups plugin writes no ${resource.plural}`);
    return kind;
  }

  #customRef(resource: ResourceRef) {
    return {
      group: resource.group,
      version: resource.version,
      plural: resource.plural,
    };
  }

  async create(
    resource: ResourceRef,
    namespace: string | undefined,
    body: object,
    options: { signal?: AbortSignal } = {},
  ): Promise<KubeItem> {
    const o = await this.#options(options.signal);
    const builtIn = this.#builtInFor(resource);
    if (builtIn) return (await builtIn.create(namespace, body, o)) as KubeItem;
    return (await (namespace
      ? this.#custom.createNamespacedCustomObject(
          { ...this.#customRef(resource), namespace, body },
          o,
        )
      : this.#custom.createClusterCustomObject(
          { ...this.#customRef(resource), body },
          o,
        ))) as KubeItem;
  }

  async patch(
    resource: ResourceRef,
    namespace: string,
    name: string,
    operations: JsonPatchOperation[],
    options: { signal?: AbortSignal } = {},
  ): Promise<void> {
    if (!resource.group)
      throw new Error(`the backups plugin patches no ${resource.plural}`);
    await this.#custom.patchNamespacedCustomObject(
      { ...this.#customRef(resource), namespace, name, body: operations },
      await this.#options(options.signal),
    );
  }

  async delete(
    resource: ResourceRef,
    namespace: string | undefined,
    name: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<void> {
    const o = await this.#options(options.signal);
    const builtIn = this.#builtInFor(resource);
    try {
      if (builtIn) await builtIn.delete(namespace, name, o);
      else if (namespace)
        await this.#custom.deleteNamespacedCustomObject(
          {
            ...this.#customRef(resource),
            namespace,
            name,
            propagationPolicy: 'Background',
          },
          o,
        );
      else
        await this.#custom.deleteClusterCustomObject(
          {
            ...this.#customRef(resource),
            name,
            propagationPolicy: 'Background',
          },
          o,
        );
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
