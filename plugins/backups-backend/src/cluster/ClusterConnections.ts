import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { readClusterConfigs } from './ClusterConfig';
import { clusterBearerToken } from './clusterBearerToken';
import type {
  ClusterConnection,
  ClusterConnectionFactory,
} from '@internal/plugin-backups-node';
import { createKubeConfig } from './createKubeConfig';
import { KubeClusterWriter } from './KubeClusterWriter';
import { ListingClusterState } from './ListingClusterState';
import { CachingClusterState } from '../cache/CachingClusterState';
import { readCacheSettings } from '../cache/cacheSettings';
import { readVeleroOptions } from '../service/readVeleroOptions';

export type { ClusterConnection };

/**
 * The configured clusters and one connection each (reads and writes), made
 * once and shared by the overview and the restore services.
 */
export class ClusterConnections {
  readonly clusters: ClusterDetails[];
  /** The deadline of one request to the plugin, carried by every call. */
  readonly deadlineMs: number;
  readonly #connections = new Map<string, ClusterConnection>();
  readonly #make: (cluster: ClusterDetails) => ClusterConnection;

  static create(options: {
    config: RootConfigService;
    logger: LoggerService;
    /** Replaces the connection layer (backupsClusterStateExtensionPoint, tests). */
    connect?: ClusterConnectionFactory;
  }): ClusterConnections {
    return new ClusterConnections(options);
  }

  private constructor(options: {
    config: RootConfigService;
    logger: LoggerService;
    connect?: ClusterConnectionFactory;
  }) {
    const { config, logger } = options;
    this.clusters = readClusterConfigs(config, { logger });
    this.deadlineMs =
      config.getOptionalNumber('backups.kubernetes.timeoutMs') ?? 10_000;
    const pageSize = config.getOptionalNumber('backups.kubernetes.pageSize');
    const cache = readCacheSettings(config);
    const veleroNamespace = readVeleroOptions(config).namespace;
    const defaults = (cluster: ClusterDetails): ClusterConnection => {
      const kubeConfig = createKubeConfig(cluster);
      const bearerToken = clusterBearerToken(cluster, { config, logger });
      const live = ListingClusterState.create({
        clusterName: cluster.name,
        kubeConfig,
        pageSize,
        timeoutMs: this.deadlineMs,
        logger,
        bearerToken,
      });
      return {
        name: cluster.name,
        state: cache.enabled
          ? CachingClusterState.create({
              clusterName: cluster.name,
              kubeConfig,
              bearerToken,
              live,
              settings: cache,
              veleroNamespace,
              logger,
            })
          : live,
        live,
        writer: KubeClusterWriter.create({
          clusterName: cluster.name,
          kubeConfig,
          bearerToken,
          timeoutMs: this.deadlineMs,
        }),
      };
    };
    const connect = options.connect;
    this.#make = connect
      ? cluster => connect(cluster, () => defaults(cluster))
      : defaults;
  }

  /** Connects every cluster and starts their caches warming. */
  start(): void {
    for (const cluster of this.clusters)
      this.connection(cluster).state.start?.();
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.#connections.values()].map(c => c.state.stop?.()),
    );
  }

  connection(cluster: ClusterDetails): ClusterConnection {
    let connection = this.#connections.get(cluster.name);
    if (!connection) {
      connection = this.#make(cluster);
      this.#connections.set(cluster.name, connection);
    }
    return connection;
  }

  /**
   * The connection with reads made against the API server itself, for the
   * guards of writes (restores), which must not act on a cache that may lag
   * by a moment.
   */
  liveConnection(cluster: ClusterDetails): ClusterConnection {
    const connection = this.connection(cluster);
    return { ...connection, state: connection.live ?? connection.state };
  }
}
