import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import type { KubeItem, ResourceRef } from '../cluster/ClusterState';
import type { ClusterConnections } from '../cluster/ClusterConnections';
import { resources } from '../cluster/resources';
import { describeError } from './describeError';
import { DrillConfig } from './drillConfig';
import { DRILL_ANNOTATIONS, DRILL_LABELS } from './drillLabels';
import { DrillStore } from './DrillStore';

type Options = {
  config: DrillConfig;
  store: DrillStore;
  connections: Pick<
    ClusterConnections,
    'clusters' | 'liveConnection' | 'deadlineMs'
  >;
  logger: LoggerService;
  auditor: AuditorService;
  now?: () => Date;
};

/**
 * Deletes what drills left behind, e.g. after a crash or a lost record:
 * Namespaces, CNPG Clusters and VolSync ReplicationDestinations labelled
 * with a drill, past the expiry
 * written on them, whose drill is not still cleaning up on its own (its
 * record says done, or there is none); and drill records older than the
 * retention.
 */
export class DrillJanitor {
  readonly #o: Options;

  constructor(options: Options) {
    this.#o = options;
  }

  async sweep(): Promise<void> {
    const now = this.#o.now?.() ?? new Date();
    await this.#o.store.prune(
      new Date(now.getTime() - this.#o.config.retentionSeconds * 1000),
    );
    for (const cluster of this.#o.connections.clusters) {
      try {
        await this.#sweepCluster(cluster, now);
      } catch (error) {
        this.#o.logger.warn(
          `backups: the drill janitor could not sweep cluster ${
            cluster.name
          }: ${describeError(error)}`,
        );
      }
    }
  }

  async #sweepCluster(
    cluster: Parameters<ClusterConnections['liveConnection']>[0],
    now: Date,
  ) {
    const access = this.#o.connections.liveConnection(cluster);
    const signal = AbortSignal.timeout(this.#o.connections.deadlineMs);
    const selector = { labelSelector: DRILL_LABELS.drill, signal };
    // A kind that cannot be listed (e.g. VolSync not installed) holds nothing to sweep.
    const list = (resource: ResourceRef) =>
      access.state.list(resource, selector).catch(error => {
        this.#o.logger.debug(
          `backups: the drill janitor could not list ${resource.plural} in ${
            cluster.name
          }: ${describeError(error)}`,
        );
        return [] as KubeItem[];
      });
    const [namespaces, clusters, destinations] = await Promise.all([
      list(resources.namespaces),
      list(resources.cnpgClusters),
      list(resources.replicationDestinations),
    ]);
    const leftovers: Array<[ResourceRef, KubeItem]> = [
      ...namespaces
        .filter(n => n.status?.phase !== 'Terminating')
        .map((n): [ResourceRef, KubeItem] => [resources.namespaces, n]),
      ...clusters.map((c): [ResourceRef, KubeItem] => [
        resources.cnpgClusters,
        c,
      ]),
      ...destinations.map((d): [ResourceRef, KubeItem] => [
        resources.replicationDestinations,
        d,
      ]),
    ];
    for (const [resource, item] of leftovers) {
      const expiresAt =
        item.metadata.annotations?.[DRILL_ANNOTATIONS.expiresAt];
      if (!expiresAt || new Date(expiresAt) > now) continue;
      const drillId = item.metadata.labels?.[DRILL_LABELS.drill] ?? '';
      const record = await this.#o.store.get(drillId);
      if (record && record.step !== 'done') continue;
      await access.writer.delete(
        resource,
        item.metadata.namespace,
        item.metadata.name,
        { signal },
      );
      const event = await this.#o.auditor.createEvent({
        eventId: 'backups-drill-cleanup',
        severityLevel: 'high',
        meta: {
          drillId,
          cluster: cluster.name,
          deleted: `${resource.kind} ${
            item.metadata.namespace ? `${item.metadata.namespace}/` : ''
          }${item.metadata.name}`,
          by: 'janitor',
        },
      });
      await event.success();
      this.#o.logger.info(
        `backups: the drill janitor deleted ${resource.kind} ${item.metadata.name} of drill ${drillId}, expired at ${expiresAt}`,
      );
    }
  }
}
