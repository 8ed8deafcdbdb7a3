import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_RPO_TARGETS,
  type BackupsOverview,
  type ClusterOverview,
  type DataSource,
} from '@internal/plugin-backups-common';
import type { SourceStatus } from '@internal/plugin-backups-node';
import { DateTime } from 'luxon';
import { ClusterConnections } from '../cluster/ClusterConnections';
import { redact } from '../cluster/redact';
import { withSignal } from '../cluster/withSignal';
import { resolveEntityTargets } from '../cluster/resolveEntityTargets';
import { readClusterSnapshot } from '../readers/readClusterSnapshot';
import { VeleroReaderOptions } from '../readers/readVelero';
import { evaluateClusterSnapshot } from '../verdict/evaluateClusterSnapshot';
import { DrillEvidence, drillVerdict } from '../verdict/drills/drillVerdict';
import { worstStatus } from '../verdict/Finding';
import { parseRpoAnnotation } from '../verdict/rpoTarget';
import { parseDurationText, readVerdictConfig } from './readVerdictConfig';
import { readVeleroOptions } from './readVeleroOptions';

function toDataSource(status: SourceStatus): DataSource {
  const { resource, namespace, mode, state, syncedAt, message } = status;
  return {
    kind: resource.group
      ? `${resource.plural}.${resource.group}`
      : resource.plural,
    ...(namespace ? { namespace } : {}),
    mode,
    state,
    ...(syncedAt ? { syncedAt } : {}),
    ...(message ? { message: redact(message) } : {}),
  };
}

type Options = {
  config: RootConfigService;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
  /** Shared with the restore service; made from config when absent. */
  connections?: ClusterConnections;
  /** What restore drills proved of the entity's tiers (the drill service). */
  drills?: {
    evidenceFor(
      entity: Entity,
      now: DateTime,
    ): Promise<{ evidence: DrillEvidence; problems: string[] }>;
  };
  now?: () => DateTime;
};

/** Builds the backup picture of an entity across every configured cluster. */
export class BackupsOverviewService {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #connections: ClusterConnections;
  readonly #velero: VeleroReaderOptions;
  readonly #verdict: ReturnType<typeof readVerdictConfig>;
  readonly #now: () => DateTime;
  readonly #drills?: Options['drills'];

  static create(options: Options): BackupsOverviewService {
    return new BackupsOverviewService(options);
  }

  private constructor(options: Options) {
    const { config } = options;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#connections =
      options.connections ??
      ClusterConnections.create({ config, logger: options.logger });
    this.#velero = readVeleroOptions(config);
    this.#verdict = readVerdictConfig(config);
    this.#now = options.now ?? (() => DateTime.utc());
    this.#drills = options.drills;
  }

  async getOverview(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<BackupsOverview> {
    const ref = stringifyEntityRef(entityRef);
    // A user's catalog read permission applies: the entity is fetched with
    // their credentials. A service principal (a static token) was let in by
    // its access restrictions, which name only this plugin; it reads through
    // the plugin's own credentials.
    const credentials = this.#auth.isPrincipal(options.credentials, 'user')
      ? options.credentials
      : await this.#auth.getOwnServiceCredentials();
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${ref}`);

    const now = this.#now();
    const { targets, errors } = resolveEntityTargets(
      entity,
      this.#connections.clusters,
    );
    const rpo = parseRpoAnnotation(
      entity.metadata.annotations?.[ANNOTATION_RPO_TARGETS],
      parseDurationText,
    );
    const drills = await this.#drills?.evidenceFor(entity, now);
    for (const problem of [...rpo.problems, ...(drills?.problems ?? [])])
      errors.push({
        source: 'catalog',
        reason: 'NotConfigured',
        message: problem,
      });

    const deadline = AbortSignal.timeout(this.#connections.deadlineMs);
    const clusters = await Promise.all(
      targets.map(async ({ cluster, target }): Promise<ClusterOverview> => {
        try {
          const state = this.#connections.connection(cluster).state;
          const snapshot = await readClusterSnapshot(
            withSignal(state, deadline),
            target,
            { velero: this.#velero },
          );
          const sources = state.describe?.().map(toDataSource);
          const evaluated = evaluateClusterSnapshot(snapshot, {
            now,
            ...this.#verdict,
            annotationTargets: rpo.targets,
          });
          return {
            ...evaluated,
            tiers: drills
              ? evaluated.tiers.map(t =>
                  drillVerdict(t, cluster.name, drills.evidence),
                )
              : evaluated.tiers,
            ...(sources ? { sources } : {}),
          };
        } catch (error) {
          // A bug or an unexpected failure in one cluster must not hide the others.
          this.#logger.error(
            `backups: reading cluster ${cluster.name} for ${ref} failed`,
            error as Error,
          );
          return {
            cluster: cluster.name,
            tiers: [],
            coverage: [],
            errors: [
              {
                source: 'kubernetes',
                reason: 'Unknown',
                message: redact(
                  `Reading cluster ${cluster.name} failed: ${
                    (error as Error).message
                  }`,
                ),
              },
            ],
          };
        }
      }),
    );
    const tiers = clusters.flatMap(c => c.tiers);
    // A source that could not be read, or an annotation that was ignored
    // (an RPO target the owner meant to set), leaves the picture unproven.
    const unread =
      errors.length > 0 ||
      clusters.some(c => c.errors.some(e => e.reason !== 'NotInstalled'));
    return {
      entityRef: ref,
      generatedAt: now.toISO({ suppressMilliseconds: true }) ?? now.toString(),
      status: tiers.length
        ? worstStatus([
            ...tiers.map(t => t.status),
            ...(unread ? (['unknown'] as const) : []),
          ])
        : 'unknown',
      clusters,
      errors,
    };
  }
}
