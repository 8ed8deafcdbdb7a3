/** A kind to read, named as the API server names it. */
export type ResourceRef = {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
};

/** An object reduced to what the readers use: no managedFields, no annotations. */
export type KubeItem = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    creationTimestamp?: string;
    generation?: number;
    /** Only the few annotations a reader needs (see projections). */
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
  /** The request's deadline: aborting it cancels every page still in flight. */
  signal?: AbortSignal;
};

/**
 * The cluster-state layer: everything readers know of a cluster comes through
 * here, so a watch-fed cache can replace per-request LISTs without touching
 * readers or verdict rules.
 */
export interface ClusterState {
  readonly clusterName: string;
  list(resource: ResourceRef, options?: ListOptions): Promise<KubeItem[]>;
}

/** A JSON Patch operation (RFC 6902). */
export type JsonPatchOperation = {
  op: 'add' | 'replace' | 'remove' | 'test';
  path: string;
  value?: unknown;
};

/**
 * The writes the plugin makes: Velero Restores and DownloadRequests, and
 * Flux's `spec.suspend`. Kept apart from ClusterState so that a read cache
 * can replace reads while writes always go to the API server.
 */
export interface ClusterWriter {
  readonly clusterName: string;
  /** Creates an object; rejects with the API server's status (409 AlreadyExists, ...). */
  create(
    resource: ResourceRef,
    namespace: string,
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
}
