import { LoggerService } from '@backstage/backend-plugin-api';
import { KubeConfig } from '@kubernetes/client-node';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ClusterState,
  KubeItem,
  ListOptions,
  ResourceRef,
  SourceStatus,
} from '../cluster/ClusterState';
import { ClusterTimeoutError } from '../cluster/ListingClusterState';
import { resources } from '../cluster/resources';
import { CacheSettings } from './cacheSettings';
import { fieldFilter } from './itemFilters';
import {
  IndexFunction,
  includedNamespaceIndex,
  labelIndex,
  ListFunction,
  ResourceInformer,
} from './ResourceInformer';

/** The kinds the overview reads only in Velero's namespace. */
const IN_VELERO_NAMESPACE: ResourceRef[] = [
  resources.veleroSchedules,
  resources.veleroBackups,
  resources.veleroRestores,
  resources.veleroStorageLocations,
  resources.veleroSnapshotLocations,
  resources.podVolumeBackups,
  resources.deployments,
  resources.daemonSets,
  resources.externalSecrets,
];

/** The kinds the overview reads in the entity's namespace, in all, or cluster-scoped. */
const CLUSTER_WIDE: ResourceRef[] = [
  resources.persistentVolumeClaims,
  resources.pods,
  resources.namespaces,
  resources.storageClasses,
  resources.volumeSnapshotClasses,
  resources.cnpgClusters,
  resources.cnpgBackups,
  resources.cnpgScheduledBackups,
  resources.barmanObjectStores,
  resources.replicationSources,
  resources.kustomizations,
  resources.helmReleases,
  resources.ociRepositories,
  resources.gitRepositories,
];

/** Indexes beyond namespace: how the readers select Backups and PodVolumeBackups. */
const INDEXES: Record<string, Record<string, IndexFunction>> = {
  'velero.io/backups': {
    'label:velero.io/schedule-name': labelIndex('velero.io/schedule-name'),
    includedNamespace: includedNamespaceIndex,
  },
  'velero.io/podvolumebackups': {
    'label:velero.io/backup-name': labelIndex('velero.io/backup-name'),
  },
};

type Options = {
  clusterName: string;
  kubeConfig: KubeConfig;
  bearerToken?: () => Promise<string>;
  /** Reads the cache does not hold go here, and informers list through it. */
  live: ClusterState & { listWithVersion: ListFunction };
  settings: CacheSettings;
  veleroNamespace: string;
  logger: LoggerService;
  now?: () => number;
};

function refKey(resource: ResourceRef) {
  return `${resource.group}/${resource.plural}`;
}

/** Resolves after `ms`, or at once when the signal aborts. */
async function waitAtMost(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return;
  // An abort rejects the timer; either way the wait is over.
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

/**
 * The cluster-state layer that answers the overview from memory: one
 * informer per kind the overview reads (Velero's kinds in Velero's namespace,
 * the others across the cluster), started when the plugin starts. A read
 * waits for a kind still warming up only until the warm-up bound after start;
 * then it fails as pending, which the reader reports as unknown. Reads the
 * cache does not cover (another namespace, another field selector) LIST
 * through the live layer.
 *
 * Each backend replica keeps its own cache; nothing is shared between
 * replicas, so any replica can answer any request.
 */
export class CachingClusterState implements ClusterState {
  readonly clusterName: string;
  readonly #o: Options;
  readonly #informers = new Map<string, ResourceInformer>();
  readonly #now: () => number;
  #startedAt?: number;

  static create(options: Options): CachingClusterState {
    return new CachingClusterState(options);
  }

  private constructor(options: Options) {
    this.#o = options;
    this.clusterName = options.clusterName;
    this.#now = options.now ?? Date.now;
    const make = (resource: ResourceRef, namespace?: string) =>
      this.#informers.set(
        refKey(resource),
        ResourceInformer.create({
          clusterName: options.clusterName,
          resource,
          namespace,
          kubeConfig: options.kubeConfig,
          bearerToken: options.bearerToken,
          list: (r, o) => options.live.listWithVersion(r, o),
          indexes: INDEXES[refKey(resource)],
          settings: options.settings,
          logger: options.logger,
          now: options.now,
        }),
      );
    for (const resource of IN_VELERO_NAMESPACE)
      make(resource, options.veleroNamespace);
    for (const resource of CLUSTER_WIDE) make(resource);
  }

  /** Starts every informer; they warm up in the background. */
  start(): void {
    this.#startedAt ??= this.#now();
    for (const informer of this.#informers.values()) informer.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#informers.values()].map(i => i.stop()));
  }

  async list(
    resource: ResourceRef,
    options: ListOptions = {},
  ): Promise<KubeItem[]> {
    const informer = this.#informers.get(refKey(resource));
    const covered =
      informer &&
      (informer.namespace === undefined ||
        informer.namespace === options.namespace) &&
      fieldFilter(options.fieldSelector) !== 'unsupported';
    if (!informer || !covered) return this.#o.live.list(resource, options);
    this.start();
    const warmUntil = (this.#startedAt ?? 0) + this.#o.settings.warmupTimeoutMs;
    await Promise.race([
      informer.ready(),
      waitAtMost(warmUntil - this.#now(), options.signal),
    ]);
    if (options.signal?.aborted)
      throw new ClusterTimeoutError(
        `no answer from cluster "${this.clusterName}" in time`,
      );
    // RBAC that allows a namespace but not the whole cluster: read that
    // namespace per request, and report its own 403 if that is refused too.
    if (informer.listForbidden) return this.#o.live.list(resource, options);
    return informer.read(options);
  }

  describe(): SourceStatus[] {
    return [...this.#informers.values()].map(i => i.status());
  }

  /** Objects held per kind, for the benchmark. */
  sizes(): Record<string, number> {
    return Object.fromEntries(
      [...this.#informers].map(([k, informer]) => [k, informer.size]),
    );
  }
}
