import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  type ConfigurationOptions,
} from '@kubernetes/client-node';
import {
  ClusterState,
  KubeItem,
  ListOptions,
  ResourceRef,
} from './ClusterState';
import { projectItem } from './projections';

type Page = {
  items?: unknown[];
  // Typed core models (CoreV1Api) name the token `_continue`.
  metadata?: { continue?: string; _continue?: string };
};

/** Raised when the API server does not answer within the configured time. */
export class ClusterTimeoutError extends Error {
  readonly name = 'ClusterTimeoutError';
}

/** Per-request options that make client-node's fetch abortable. */
function abortable(signal: AbortSignal): ConfigurationOptions {
  return {
    middleware: [
      {
        pre: context => {
          context.setSignal(signal);
          return new Observable(Promise.resolve(context));
        },
        post: context => new Observable(Promise.resolve(context)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

/**
 * The cluster-state layer that LISTs on every call, page by page with
 * `limit`/`continue`, and keeps only the fields readers use (see
 * `projectItem`). Each page request is aborted after `timeoutMs`.
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
    /** Items per LIST page. Default 500. */
    pageSize?: number;
    /** Per-request timeout. Default 10 000 ms. */
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
      const page = await this.#page(resource, options, continueToken);
      for (const raw of page.items ?? []) {
        items.push(projectItem(resource, raw));
      }
      continueToken =
        page.metadata?.continue || page.metadata?._continue || undefined;
    } while (continueToken);
    return items;
  }

  async #page(
    resource: ResourceRef,
    options: ListOptions,
    continueToken: string | undefined,
  ): Promise<Page> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      return await this.#request(
        resource,
        options,
        continueToken,
        abortable(controller.signal),
      );
    } catch (error) {
      if (controller.signal.aborted) {
        throw new ClusterTimeoutError(
          `no answer from cluster "${this.clusterName}" within ${
            this.#timeoutMs
          } ms`,
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  #request(
    resource: ResourceRef,
    options: ListOptions,
    continueToken: string | undefined,
    requestOptions: ConfigurationOptions,
  ): Promise<Page> {
    const common = {
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      limit: this.#pageSize,
      _continue: continueToken,
    };
    if (resource.group === '') {
      // The core kinds the readers need; Secrets are never read.
      if (resource.plural === 'persistentvolumeclaims' && options.namespace) {
        return this.#core.listNamespacedPersistentVolumeClaim(
          { namespace: options.namespace, ...common },
          requestOptions,
        ) as Promise<Page>;
      }
      if (resource.plural === 'pods' && options.namespace) {
        return this.#core.listNamespacedPod(
          { namespace: options.namespace, ...common },
          requestOptions,
        ) as Promise<Page>;
      }
      if (resource.plural === 'namespaces' && !options.namespace) {
        return this.#core.listNamespace(
          common,
          requestOptions,
        ) as Promise<Page>;
      }
      throw new Error(
        `core resource ${resource.plural} is not read by the backups plugin`,
      );
    }
    const { group, version, plural } = resource;
    return options.namespace
      ? this.#custom.listNamespacedCustomObject(
          { group, version, plural, namespace: options.namespace, ...common },
          requestOptions,
        )
      : this.#custom.listClusterCustomObject(
          { group, version, plural, ...common },
          requestOptions,
        );
  }
}
