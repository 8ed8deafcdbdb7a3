import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_RPO_TARGETS,
  type BackupsOverview,
  type ClusterOverview,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { ClusterConfig, readClusterConfigs } from '../cluster/ClusterConfig';
import { ClusterState } from '../cluster/ClusterState';
import { clusterBearerToken } from '../cluster/clusterBearerToken';
import { createKubeConfig } from '../cluster/createKubeConfig';
import { ListingClusterState } from '../cluster/ListingClusterState';
import { redact } from '../cluster/redact';
import { withSignal } from '../cluster/withSignal';
import { resolveEntityTargets } from '../cluster/resolveEntityTargets';
import { readClusterSnapshot } from '../readers/readClusterSnapshot';
import { VeleroReaderOptions } from '../readers/readVelero';
import { evaluateClusterSnapshot } from '../verdict/evaluateClusterSnapshot';
import { worstStatus } from '../verdict/Finding';
import { parseRpoAnnotation } from '../verdict/rpoTarget';
import { parseDurationText, readVerdictConfig } from './readVerdictConfig';

type Options = {
  config: RootConfigService;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
  /** Replaces the per-request LIST layer, e.g. with a watch-fed cache. */
  clusterStateFactory?: (cluster: ClusterConfig) => ClusterState;
  now?: () => DateTime;
};

/** Builds the backup picture of an entity across every configured cluster. */
export class BackupsOverviewService {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #clusters: ClusterConfig[];
  readonly #states = new Map<string, ClusterState>();
  readonly #stateFactory: (cluster: ClusterConfig) => ClusterState;
  readonly #velero: VeleroReaderOptions;
  readonly #verdict: ReturnType<typeof readVerdictConfig>;
  readonly #now: () => DateTime;
  readonly #deadlineMs: number;

  static create(options: Options): BackupsOverviewService {
    return new BackupsOverviewService(options);
  }

  private constructor(options: Options) {
    const { config } = options;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#clusters = readClusterConfigs(config, { logger: options.logger });
    this.#velero = {
      namespace:
        config.getOptionalString('backups.velero.namespace') ?? 'velero',
      deploymentName:
        config.getOptionalString('backups.velero.deploymentName') ?? 'velero',
      nodeAgentName:
        config.getOptionalString('backups.velero.nodeAgentName') ??
        'node-agent',
    };
    this.#verdict = readVerdictConfig(config);
    const pageSize = config.getOptionalNumber('backups.kubernetes.pageSize');
    // One deadline for a whole overview; every LIST page carries it.
    this.#deadlineMs =
      config.getOptionalNumber('backups.kubernetes.timeoutMs') ?? 10_000;
    const timeoutMs = this.#deadlineMs;
    this.#stateFactory =
      options.clusterStateFactory ??
      (cluster =>
        ListingClusterState.create({
          clusterName: cluster.name,
          kubeConfig: createKubeConfig(cluster),
          pageSize,
          timeoutMs,
          logger: options.logger,
          bearerToken: clusterBearerToken(cluster, {
            config,
            logger: options.logger,
          }),
        }));
    this.#now = options.now ?? (() => DateTime.utc());
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
    const { targets, errors } = resolveEntityTargets(entity, this.#clusters);
    const rpo = parseRpoAnnotation(
      entity.metadata.annotations?.[ANNOTATION_RPO_TARGETS],
      parseDurationText,
    );
    for (const problem of rpo.problems)
      errors.push({
        source: 'catalog',
        reason: 'NotConfigured',
        message: problem,
      });

    const deadline = AbortSignal.timeout(this.#deadlineMs);
    const clusters = await Promise.all(
      targets.map(async ({ cluster, target }): Promise<ClusterOverview> => {
        try {
          const snapshot = await readClusterSnapshot(
            withSignal(this.#state(cluster), deadline),
            target,
            { velero: this.#velero },
          );
          return evaluateClusterSnapshot(snapshot, {
            now,
            ...this.#verdict,
            annotationTargets: rpo.targets,
          });
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

  #state(cluster: ClusterConfig): ClusterState {
    let state = this.#states.get(cluster.name);
    if (!state) {
      state = this.#stateFactory(cluster);
      this.#states.set(cluster.name, state);
    }
    return state;
  }
}
