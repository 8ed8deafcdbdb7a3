import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  type ConfigurationOptions,
} from '@kubernetes/client-node';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterState,
  KubeItem,
  ListOptions,
  ResourceRef,
} from './ClusterState';
import { includesNamespace } from '../readers/includesNamespace';
import { projectItem } from './projections';

type Page = {
  items?: unknown[];
  // Typed core models (CoreV1Api) name the token `_continue`.
  metadata?: {
    continue?: string;
    _continue?: string;
    resourceVersion?: string;
  };
};

/** Raised when the API server does not answer within the deadline. */
export class ClusterTimeoutError extends Error {
  readonly name = 'ClusterTimeoutError';
}

/** Raised when a LIST goes past its caps or the server repeats a continue token. */
export class ClusterListError extends Error {
  readonly name = 'ClusterListError';
}

/** Per-request options: an abortable fetch, and a bearer token when one is fetched per request. */
export function pageOptions(
  signal: AbortSignal,
  bearerToken?: string,
): ConfigurationOptions {
  return {
    middleware: [
      {
        pre: context => {
          context.setSignal(signal);
          if (bearerToken)
            context.setHeaderParam('Authorization', `Bearer ${bearerToken}`);
          return new Observable(Promise.resolve(context));
        },
        post: context => new Observable(Promise.resolve(context)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

/** Waits for a shared promise, or rejects when this caller's signal aborts. */
function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => Error,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

type Options = {
  clusterName: string;
  kubeConfig: KubeConfig;
  /** Items per LIST page. Default 500. */
  pageSize?: number;
  /** Longest wait for one page, within the request's own deadline. Default 10 000 ms. */
  timeoutMs?: number;
  /** Most pages one LIST may take. Default 200. */
  maxPages?: number;
  /** Most items one LIST may return. Default 100 000. */
  maxItems?: number;
  /** Gets each failure in full; what reaches clients is redacted. */
  logger?: LoggerService;
  /** For cloud auth providers: a fresh bearer token per request. */
  bearerToken?: () => Promise<string>;
};

/**
 * The cluster-state layer that LISTs on every call, page by page with
 * `limit`/`continue`, and keeps only the fields readers use (see
 * `projectItem`). Every page carries an AbortSignal: the caller's deadline,
 * and a per-page bound. A LIST is capped in pages and items, and a server
 * that repeats a continue token is caught rather than followed forever.
 */
export class ListingClusterState implements ClusterState {
  readonly clusterName: string;
  readonly #custom: CustomObjectsApi;
  readonly #core: CoreV1Api;
  readonly #pageSize: number;
  readonly #timeoutMs: number;
  readonly #maxPages: number;
  readonly #maxItems: number;
  readonly #logger?: LoggerService;
  readonly #bearerToken?: () => Promise<string>;
  readonly #inFlight = new Map<string, Promise<KubeItem[]>>();

  static create(options: Options) {
    return new ListingClusterState(options);
  }

  private constructor(options: Options) {
    this.clusterName = options.clusterName;
    this.#custom = options.kubeConfig.makeApiClient(CustomObjectsApi);
    this.#core = options.kubeConfig.makeApiClient(CoreV1Api);
    this.#pageSize = options.pageSize ?? 500;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#maxPages = options.maxPages ?? 200;
    this.#maxItems = options.maxItems ?? 100_000;
    this.#logger = options.logger;
    this.#bearerToken = options.bearerToken;
  }

  /**
   * Concurrent identical LISTs share one fetch: it runs under its own
   * per-page deadline, and each caller stops waiting at its own.
   */
  async list(
    resource: ResourceRef,
    options: ListOptions = {},
  ): Promise<KubeItem[]> {
    const { signal, ...query } = options;
    const key = JSON.stringify([resource.group, resource.plural, query]);
    let shared = this.#inFlight.get(key);
    if (!shared) {
      shared = this.listWithVersion(resource, query).then(r => r.items);
      this.#inFlight.set(key, shared);
      const forget = () => this.#inFlight.delete(key);
      shared.then(forget, forget);
    }
    const items = await untilAborted(shared, signal, () =>
      this.#timeoutError(),
    );
    // Callers get their own array: one may sort it.
    return [...items];
  }

  /**
   * The whole list, and the resourceVersion it was read at, from which a
   * watch continues.
   */
  async listWithVersion(
    resource: ResourceRef,
    options: ListOptions = {},
  ): Promise<{ items: KubeItem[]; resourceVersion?: string }> {
    try {
      return await this.#list(resource, options);
    } catch (error) {
      this.#logger?.warn(
        `backups: listing ${resource.plural} on cluster ${this.clusterName} failed`,
        error as Error,
      );
      throw error;
    }
  }

  async #list(
    resource: ResourceRef,
    options: ListOptions,
  ): Promise<{ items: KubeItem[]; resourceVersion?: string }> {
    const items: KubeItem[] = [];
    let resourceVersion: string | undefined;
    const seen = new Set<string>();
    let continueToken: string | undefined;
    let pages = 0;
    do {
      if (++pages > this.#maxPages)
        throw new ClusterListError(
          `listing ${resource.plural} took more than ${this.#maxPages} pages`,
        );
      const page = await this.#page(resource, options, continueToken);
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      const wanted = options.includesNamespace;
      for (const raw of page.items ?? []) {
        const item = projectItem(resource, raw);
        if (wanted === undefined || includesNamespace(item.spec, wanted))
          items.push(item);
      }
      if (items.length > this.#maxItems)
        throw new ClusterListError(
          `listing ${resource.plural} returned more than ${
            this.#maxItems
          } items`,
        );
      continueToken =
        page.metadata?.continue || page.metadata?._continue || undefined;
      if (continueToken && seen.has(continueToken))
        throw new ClusterListError(
          `the API server repeated a continue token while listing ${resource.plural}`,
        );
      if (continueToken) seen.add(continueToken);
    } while (continueToken);
    return { items, resourceVersion };
  }

  async #page(
    resource: ResourceRef,
    options: ListOptions,
    continueToken: string | undefined,
  ): Promise<Page> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([options.signal, timeout])
      : timeout;
    if (signal.aborted) throw this.#timeoutError();
    try {
      const token = await this.#bearerToken?.();
      return await this.#request(
        resource,
        options,
        continueToken,
        pageOptions(signal, token),
      );
    } catch (error) {
      if (signal.aborted) throw this.#timeoutError();
      throw error;
    }
  }

  #timeoutError() {
    return new ClusterTimeoutError(
      `no answer from cluster "${this.clusterName}" in time`,
    );
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
      // Across namespaces: what the watch-fed cache keeps.
      if (resource.plural === 'persistentvolumeclaims') {
        return this.#core.listPersistentVolumeClaimForAllNamespaces(
          common,
          requestOptions,
        ) as Promise<Page>;
      }
      if (resource.plural === 'pods') {
        return this.#core.listPodForAllNamespaces(
          common,
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
