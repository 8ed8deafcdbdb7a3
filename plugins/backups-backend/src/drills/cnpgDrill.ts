import type { KubeItem } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { claimHint, namespaceClaims } from '../restores/restoreGuards';
import { entityLabelValue } from '../restores/restoreLabels';
import {
  DRILL_ANNOTATIONS,
  DRILL_LABELS,
  drillClusterName,
  MANAGED_BY,
} from './drillLabels';
import {
  DrillContext,
  DrillFailure,
  DrillRunner,
  createOwn,
  deleteOwn,
  getInNamespace,
  PrepareInput,
  Prepared,
  Progress,
} from './DrillRunner';
import { cnpgDrillCluster } from './cnpgDrillCluster';

/** api/v1/cluster_types.go PhaseUnrecoverable. */
const UNRECOVERABLE = 'Cluster is unrecoverable and needs manual intervention';

type CnpgState = {
  clusterName: string;
  manifest: Record<string, any>;
};

const byName = (name: string) => ({ fieldSelector: `metadata.name=${name}` });

const readyOf = (cluster: KubeItem) =>
  (cluster.status?.conditions ?? []).find((c: any) => c?.type === 'Ready');

/**
 * A CNPG drill: a new Cluster, beside the source in its namespace (the
 * Barman Cloud Plugin resolves `barmanObjectName`, and the credentials it
 * names, in the Cluster's own namespace), recovering from the source's
 * object store to the point the verdict claims, with no WAL archiving (no
 * `backup` section, no plugin in `spec.plugins`), so it never writes to the
 * original's archive. Ready proves that point: PostgreSQL ends a recovery
 * that stops short of its target time in error.
 */
export class CnpgDrill implements DrillRunner {
  #state(ctx: DrillContext): CnpgState {
    return ctx.record.state as CnpgState;
  }

  async prepare(ctx: DrillContext, input: PrepareInput): Promise<Prepared> {
    const namespace = ctx.record.namespace;
    const name = input.tier.name;
    const targetTime = input.tier.lastRecoveryPoint;
    if (!targetTime)
      throw new DrillFailure(
        `CNPG cluster ${name} has no recovery point to drill${
          input.tier.reasons[0] ? `: ${input.tier.reasons[0]}` : ''
        }`,
      );
    const summary = input.snapshot.cnpg?.clusters.find(c => c.name === name);
    const [namespaceItem, source] = await Promise.all([
      ctx.access.state.list(resources.namespaces, {
        ...byName(namespace),
        signal: ctx.signal,
      }),
      ctx.access.state.list(resources.cnpgClusters, {
        namespace,
        ...byName(name),
        signal: ctx.signal,
      }),
    ]);
    if (
      !namespaceItem[0] ||
      !namespaceClaims(namespaceItem[0], input.entity, input.restoreConfig)
    )
      throw new DrillFailure(
        `Namespace ${namespace} does not claim ${
          input.entityRef
        }, so its clusters are not drilled from here: ${claimHint(
          namespace,
          input.entity,
          input.restoreConfig,
        )}`,
      );
    if (!source[0] || !summary)
      throw new DrillFailure(`No CNPG cluster ${name} in ${namespace}`);
    const clusterName = drillClusterName(name, ctx.record.id);
    const manifest = cnpgDrillCluster({
      source: source[0],
      serverName: summary.serverName ?? name,
      name: clusterName,
      targetTime,
      metadata: {
        labels: {
          [DRILL_LABELS.managedBy]: MANAGED_BY,
          [DRILL_LABELS.drill]: ctx.record.id,
          [DRILL_LABELS.entity]: entityLabelValue(ctx.record.entityRef),
        },
        annotations: {
          [DRILL_ANNOTATIONS.entityRef]: ctx.record.entityRef,
          [DRILL_ANNOTATIONS.expiresAt]: input.expiresAt,
        },
      },
    });
    return {
      source: `${name} at ${targetTime}`,
      target: `${namespace}/${clusterName}`,
      recoveryPoint: targetTime,
      state: { clusterName, manifest } satisfies CnpgState,
      creates: [
        {
          apiVersion: 'postgresql.cnpg.io/v1',
          kind: 'Cluster',
          name: clusterName,
          namespace,
        },
      ],
      notes: [
        `A new one-instance Cluster ${clusterName} recovers ${name} from its object store to ${targetTime}, beside it in ${namespace}; ${name} itself is not touched.`,
        `${clusterName} archives no WAL (no backup section, no Barman Cloud Plugin), so the original's archive is never written.`,
        'Deleting the Cluster at the end deletes its PVC, Services and Secrets (CNPG owns them).',
      ],
    };
  }

  async create(ctx: DrillContext): Promise<void> {
    await createOwn(ctx, resources.cnpgClusters, this.#state(ctx).manifest);
  }

  #cluster(ctx: DrillContext): Promise<KubeItem | undefined> {
    return getInNamespace(
      ctx,
      resources.cnpgClusters,
      this.#state(ctx).clusterName,
    );
  }

  async check(ctx: DrillContext): Promise<Progress> {
    const cluster = await this.#cluster(ctx);
    const name = this.#state(ctx).clusterName;
    if (!cluster)
      return {
        ready: false,
        checks: [],
        failure: `Cluster ${name} is gone from ${ctx.record.namespace}`,
      };
    const ready = readyOf(cluster);
    const phase: string = cluster.status?.phase ?? 'not reconciled yet';
    const check = {
      kind: 'Cluster',
      name,
      ready: ready?.status === 'True',
      detail: [phase, cluster.status?.phaseReason].filter(Boolean).join(': '),
    };
    if (phase === UNRECOVERABLE)
      return {
        ready: false,
        checks: [check],
        failure: `The recovery failed: ${cluster.status?.phaseReason ?? phase}`,
      };
    if (!check.ready) return { ready: false, checks: [check] };
    return {
      ready: true,
      checks: [check],
      requestedAt: cluster.metadata.creationTimestamp!,
      readyAt: ready.lastTransitionTime ?? ctx.now.toISOString(),
    };
  }

  async cleanup(ctx: DrillContext): Promise<boolean> {
    if (!this.#state(ctx)?.clusterName) return true;
    // Its pods, PVCs and Jobs go with it.
    return deleteOwn(ctx, resources.cnpgClusters, await this.#cluster(ctx));
  }
}
