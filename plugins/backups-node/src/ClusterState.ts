/** A kind to read, named as the API server names it. */
export type ResourceRef = {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
};

/** An object reduced to what the readers use: no managedFields, few annotations. */
export type KubeItem = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    creationTimestamp?: string;
    generation?: number;
    /** Kept so that a cache can tell a changed object from a repeated one. */
    resourceVersion?: string;
    /** Only the few annotations a reader needs. */
    annotations?: Record<string, string>;
  };
  spec?: any;
  status?: any;
  [key: string]: unknown;
};

export type ListOptions = {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /**
   * Only objects whose `spec` includes this namespace as Velero decides it
   * (`includedNamespaces`/`excludedNamespaces`, globs): a Backup's own
   * spec. A listing layer filters after the LIST; a cache answers from an
   * index of included namespaces.
   */
  includesNamespace?: string;
  /** The request's deadline: aborting it cancels every call still in flight. */
  signal?: AbortSignal;
};

/** How fresh what a cluster-state layer answers for one kind is. */
export type SourceStatus = {
  resource: ResourceRef;
  /** Where it is read: the namespace, or all of them. */
  namespace?: string;
  /** `watch`: kept current by a watch; `poll`: relisted at an interval; `list`: read per request. */
  mode: 'watch' | 'poll' | 'list';
  state: 'ready' | 'warming' | 'stale' | 'error';
  /** When the data was last known to match the API server. */
  syncedAt?: string;
  /** Why it is not ready, when it is not. */
  message?: string;
};

/**
 * The cluster-state layer: everything the readers know of a cluster comes
 * through here, so a cache can replace per-request LISTs without touching
 * readers or verdict rules.
 */
export interface ClusterState {
  readonly clusterName: string;
  list(resource: ResourceRef, options?: ListOptions): Promise<KubeItem[]>;
  /** What each kind is answered from, and how fresh it is (caches). */
  describe?(): SourceStatus[];
  /** Called when the backend starts: a cache warms up in the background. */
  start?(): void;
  /** Called when the backend stops. */
  stop?(): Promise<void>;
}

/** A JSON Patch operation (RFC 6902). */
export type JsonPatchOperation = {
  op: 'add' | 'replace' | 'remove' | 'test';
  path: string;
  value?: unknown;
};

/**
 * The writes the plugin makes: Velero Restores and DownloadRequests, Flux's
 * `spec.suspend`, and what restore drills create and delete (a namespace,
 * its NetworkPolicy, a resource-modifier ConfigMap, a recovery CNPG
 * Cluster). Kept apart from ClusterState so that a read cache can replace
 * reads while writes always go to the API server.
 */
export interface ClusterWriter {
  readonly clusterName: string;
  /**
   * Creates an object (`namespace` undefined for a cluster-scoped kind);
   * rejects with the API server's status (409 AlreadyExists, ...).
   */
  create(
    resource: ResourceRef,
    namespace: string | undefined,
    body: object,
    options?: { signal?: AbortSignal },
  ): Promise<KubeItem>;
  patch(
    resource: ResourceRef,
    namespace: string,
    name: string,
    operations: JsonPatchOperation[],
    options?: { signal?: AbortSignal },
  ): Promise<void>;
  /**
   * Deletes an object (in the background: dependents go with it); resolves
   * as well when it is already gone (404).
   */
  delete(
    resource: ResourceRef,
    namespace: string | undefined,
    name: string,
    options?: { signal?: AbortSignal },
  ): Promise<void>;
}
