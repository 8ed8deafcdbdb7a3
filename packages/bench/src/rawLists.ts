import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import type { ListCall } from './backends';

/** The listing layer's page size (`backups.kubernetes.pageSize` default). */
export const PAGE_SIZE = 500;

/** client-node against the simulator, as the backups plugin configures it. */
export class RawLister {
  readonly #custom: CustomObjectsApi;
  readonly #core: CoreV1Api;

  constructor(url: string, token: string) {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'sim', server: url, skipTLSVerify: true }],
      users: [{ name: 'bench', token }],
      contexts: [{ name: 'sim', cluster: 'sim', user: 'bench' }],
      currentContext: 'sim',
    });
    this.#custom = kc.makeApiClient(CustomObjectsApi);
    this.#core = kc.makeApiClient(CoreV1Api);
  }

  /**
   * One LIST, followed page by page (`limit`/`continue`) to its end, with
   * client-node's typed call for the kind, as the listing layer makes it;
   * nothing projected or evaluated. Returns the number of items.
   */
  async list({ resource, options }: ListCall): Promise<number> {
    let items = 0;
    let next: string | undefined;
    do {
      const query = {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        limit: PAGE_SIZE,
        _continue: next,
      };
      const page = (await this.#page(resource, options.namespace, query)) as {
        items?: unknown[];
        metadata?: { continue?: string; _continue?: string };
      };
      items += page.items?.length ?? 0;
      next = page.metadata?.continue || page.metadata?._continue || undefined;
    } while (next);
    return items;
  }

  #page(
    resource: ListCall['resource'],
    namespace: string | undefined,
    query: {
      labelSelector?: string;
      fieldSelector?: string;
      limit: number;
      _continue?: string;
    },
  ): Promise<unknown> {
    const { group, version, plural } = resource;
    if (group === '') {
      if (plural === 'persistentvolumeclaims')
        return namespace
          ? this.#core.listNamespacedPersistentVolumeClaim({
              namespace,
              ...query,
            })
          : this.#core.listPersistentVolumeClaimForAllNamespaces(query);
      if (plural === 'pods')
        return namespace
          ? this.#core.listNamespacedPod({ namespace, ...query })
          : this.#core.listPodForAllNamespaces(query);
      if (plural === 'namespaces') return this.#core.listNamespace(query);
      throw new Error(`core kind ${plural} is not listed by the overview`);
    }
    return namespace
      ? this.#custom.listNamespacedCustomObject({
          group,
          version,
          plural,
          namespace,
          ...query,
        })
      : this.#custom.listClusterCustomObject({
          group,
          version,
          plural,
          ...query,
        });
  }
}
