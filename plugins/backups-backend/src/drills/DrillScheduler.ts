import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_DRILL_POLICY,
  ANNOTATION_KUBERNETES_NAMESPACE,
  cronLongestIntervalSeconds,
  cronNextRun,
  parseCron,
  VELERO_CRON_DIALECT,
} from '@internal/plugin-backups-common';
import type { ClusterConnections } from '../cluster/ClusterConnections';
import { resolveEntityTargets } from '../cluster/resolveEntityTargets';
import { describeError } from './describeError';
import { DrillConfig, DRILLABLE_KINDS } from './drillConfig';
import { policyCovers } from './drillPolicy';
import { DrillService } from './DrillService';
import { DrillStore } from './DrillStore';
import { entityTiers } from './entityTiers';

/** The newest tick of a 5-field cron (UTC) at or before `now`. */
export function lastTick(expression: string, now: Date): Date | undefined {
  const parsed = parseCron(expression, VELERO_CRON_DIALECT);
  if (!parsed.ok) return undefined;
  const longest = cronLongestIntervalSeconds(parsed.schedule);
  if (longest === undefined) return undefined;
  let tick = cronNextRun(
    parsed.schedule,
    new Date(now.getTime() - (longest + 1) * 1000),
  );
  let last: Date | undefined;
  while (tick && tick <= now) {
    last = tick;
    tick = cronNextRun(parsed.schedule, tick);
  }
  return last;
}

type Options = {
  config: DrillConfig;
  service: DrillService;
  store: DrillStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  connections: Pick<
    ClusterConnections,
    'clusters' | 'connection' | 'deadlineMs'
  >;
  velero: Parameters<typeof entityTiers>[0]['velero'];
  verdict: Parameters<typeof entityTiers>[0]['verdict'];
  now?: () => Date;
};

/**
 * Queues the drills entities' policies schedule: for each tier a policy
 * drills on a schedule, one drill per cron tick, unless one was already
 * made since that tick. The key of a scheduled drill names its tick, so
 * two replicas (or a repeat after a restart) queue it once.
 */
export class DrillScheduler {
  readonly #o: Options;

  constructor(options: Options) {
    this.#o = options;
  }

  async #entities(): Promise<Entity[]> {
    const filter: Array<Record<string, symbol>> = [
      {
        [`metadata.annotations.${ANNOTATION_DRILL_POLICY}`]:
          CATALOG_FILTER_EXISTS,
      },
    ];
    if (this.#o.config.schedule)
      filter.push({
        [`metadata.annotations.${ANNOTATION_KUBERNETES_NAMESPACE}`]:
          CATALOG_FILTER_EXISTS,
      });
    const { items } = await this.#o.catalog.getEntities(
      { filter },
      { credentials: await this.#o.auth.getOwnServiceCredentials() },
    );
    return items;
  }

  async queueDue(): Promise<void> {
    if (!this.#o.config.enabled) return;
    const now = this.#o.now?.() ?? new Date();
    for (const entity of await this.#entities()) {
      const { policy } = this.#o.service.policyOf(entity);
      if (!policy.enabled || !policy.schedule) continue;
      const tick = lastTick(policy.schedule, now);
      if (!tick) continue;
      const entityRef = stringifyEntityRef(entity);
      try {
        await this.#queueEntity(entity, entityRef, tick, now);
      } catch (error) {
        this.#o.logger.warn(
          `backups: scheduling drills of ${entityRef} failed: ${describeError(
            error,
          )}`,
        );
      }
    }
  }

  async #queueEntity(entity: Entity, entityRef: string, tick: Date, now: Date) {
    const { policy } = this.#o.service.policyOf(entity);
    const { targets } = resolveEntityTargets(
      entity,
      this.#o.connections.clusters,
    );
    for (const { cluster, target } of targets) {
      const { tiers } = await entityTiers({
        state: this.#o.connections.connection(cluster).state,
        entity,
        target,
        velero: this.#o.velero,
        verdict: this.#o.verdict,
        now,
        signal: AbortSignal.timeout(this.#o.connections.deadlineMs),
      });
      for (const tier of tiers) {
        if (!DRILLABLE_KINDS.includes(tier.kind) || !policyCovers(policy, tier))
          continue;
        const newest = await this.#o.store.newestOf(
          entityRef,
          cluster.name,
          tier,
        );
        if (newest && new Date(newest.createdAt) >= tick) continue;
        const queued = await this.#o.service.enqueueScheduled({
          entityRef,
          cluster,
          namespace: target.namespace,
          tier: { kind: tier.kind, name: tier.name },
          tick,
        });
        if (queued)
          this.#o.logger.info(
            `backups: queued the scheduled drill of ${tier.kind}/${
              tier.name
            } of ${entityRef} (tick ${tick.toISOString()})`,
          );
      }
    }
  }
}
