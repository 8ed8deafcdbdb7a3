import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_KUBERNETES_NAMESPACE,
  type BackupsOverview,
  type HistoryPoint,
} from '@internal/plugin-backups-common';
import type { HumanDuration } from '@backstage/types';
import { DateTime } from 'luxon';
import type { OwnerNotifier } from '../notifications/OwnerNotifier';
import type { BackupsOverviewService } from '../service/BackupsOverviewService';
import type { HistoryStore } from './HistoryStore';
import { statusChange, type StatusChange } from './statusChange';

type Options = {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  overviewService: BackupsOverviewService;
  store: HistoryStore;
  notifier: OwnerNotifier;
  /** Points older than this are pruned on each run. */
  retention: HumanDuration;
  now?: () => DateTime;
};

const PAGE = 100;

function pointsOf(overview: BackupsOverview): HistoryPoint[] {
  return overview.clusters.flatMap(cluster =>
    cluster.tiers.map(tier => ({
      at: overview.generatedAt,
      cluster: cluster.cluster,
      tier: { kind: tier.kind, name: tier.name },
      status: tier.status,
      rpoActualSeconds: tier.rpoActualSeconds,
      rpoTargetSeconds: tier.rpoTargetSeconds,
    })),
  );
}

/** Why the overview is as bad as it is: the reasons of its worst tiers. */
function reasonsOf(overview: BackupsOverview): string[] {
  return overview.clusters.flatMap(cluster =>
    cluster.tiers
      .filter(tier => tier.status === overview.status)
      .flatMap(tier =>
        tier.reasons.map(r => `${tier.kind}/${tier.name}: ${r}`),
      ),
  );
}

/**
 * The body of the history task: evaluates every entity the plugin covers
 * (those with `backstage.io/kubernetes-namespace`), records each tier, tells
 * the owners of a change once, and prunes what is past retention.
 */
export class HistoryRecorder {
  readonly #options: Options;
  readonly #now: () => DateTime;

  static create(options: Options): HistoryRecorder {
    return new HistoryRecorder(options);
  }

  private constructor(options: Options) {
    this.#options = options;
    this.#now = options.now ?? (() => DateTime.utc());
  }

  async run(): Promise<void> {
    const { auth, logger, store, retention } = this.#options;
    const credentials = await auth.getOwnServiceCredentials();
    let recorded = 0;
    for await (const entity of this.#coveredEntities(credentials)) {
      const ref = stringifyEntityRef(entity);
      try {
        await this.#recordEntity(ref, credentials);
        recorded += 1;
      } catch (error) {
        // One entity's failure must not stop the others' history.
        logger.error(
          `backups: recording the history of ${ref} failed`,
          error as Error,
        );
      }
    }
    const pruned = await store.prune(this.#now().minus(retention));
    logger.info(
      `backups: recorded the history of ${recorded} entities, pruned ${pruned} points`,
    );
  }

  async #recordEntity(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const { overviewService, store } = this.#options;
    const overview = await overviewService.getOverview(parseEntityRef(ref), {
      credentials,
    });
    await store.record(ref, pointsOf(overview));

    const previous = await store.getEntityStatus(ref);
    const { next, change } = statusChange(previous, overview.status);
    const at = DateTime.fromISO(overview.generatedAt);
    // Only the evaluation that moves the recorded status tells the owners:
    // another replica, or a run after a restart, finds it moved already.
    if (!(await store.replaceEntityStatus(ref, previous, next, at))) return;
    // A change is measured from a recorded status: there is one to go back to.
    if (!change || !previous) return;
    try {
      await this.#notify(ref, change, overview);
    } catch (error) {
      // Put the status back, so that the next run tries to tell them again.
      await store.replaceEntityStatus(ref, next, previous, at);
      throw error;
    }
  }

  async #notify(ref: string, change: StatusChange, overview: BackupsOverview) {
    const { notifier } = this.#options;
    if (change.kind === 'worsened')
      await notifier.statusWorsened(
        ref,
        change.from,
        change.to,
        reasonsOf(overview),
      );
    else await notifier.statusResolved(ref, change.from, change.to);
  }

  async *#coveredEntities(
    credentials: BackstageCredentials,
  ): AsyncGenerator<Entity> {
    const { catalog } = this.#options;
    const fields = ['kind', 'metadata.namespace', 'metadata.name'];
    let page = await catalog.queryEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_KUBERNETES_NAMESPACE}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields,
        limit: PAGE,
      },
      { credentials },
    );
    for (;;) {
      yield* page.items;
      const cursor = page.pageInfo.nextCursor;
      if (!cursor) return;
      page = await catalog.queryEntities(
        { cursor, fields, limit: PAGE },
        { credentials },
      );
    }
  }
}
