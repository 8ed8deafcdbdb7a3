import type { KubeItem } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { claimHint, namespaceClaims } from '../restores/restoreGuards';
import { entityLabelValue } from '../restores/restoreLabels';
import {
  DRILL_ANNOTATIONS,
  DRILL_LABELS,
  drillClusterName,
  MANAGED_BY,
  shortId,
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

type VolsyncState = {
  name: string;
  manifest: Record<string, any>;
};

const byName = (name: string) => ({ fieldSelector: `metadata.name=${name}` });

/**
 * A VolSync drill: a ReplicationDestination beside the source, in the
 * app's namespace (the restic mover reads the repository Secret in its own
 * namespace), with a manual trigger, restoring the repository's newest
 * snapshot into a fresh PVC of the source's size, access modes and class
 * (copyMethod Direct: `latestImage` is that PVC). Done when
 * `lastManualSync` equals the trigger and `latestImage` is set; a Failed
 * mover fails it. Deleting it deletes the PVC it owns.
 */
export class VolsyncDrill implements DrillRunner {
  #state(ctx: DrillContext): VolsyncState {
    return ctx.record.state as VolsyncState;
  }

  async prepare(ctx: DrillContext, input: PrepareInput): Promise<Prepared> {
    const namespace = ctx.record.namespace;
    const name = input.tier.name;
    const point = input.tier.lastRecoveryPoint;
    if (!point)
      throw new DrillFailure(
        `ReplicationSource ${name} has no synced snapshot to drill${
          input.tier.reasons[0] ? `: ${input.tier.reasons[0]}` : ''
        }`,
      );
    const signal = ctx.signal;
    const [namespaceItem, source] = await Promise.all([
      ctx.access.state.list(resources.namespaces, {
        ...byName(namespace),
        signal,
      }),
      ctx.access.state.list(resources.replicationSources, {
        namespace,
        ...byName(name),
        signal,
      }),
    ]);
    if (
      !namespaceItem[0] ||
      !namespaceClaims(namespaceItem[0], input.entity, input.restoreConfig)
    )
      throw new DrillFailure(
        `Namespace ${namespace} does not claim ${
          input.entityRef
        }, so its copies are not drilled from here: ${claimHint(
          namespace,
          input.entity,
          input.restoreConfig,
        )}`,
      );
    const restic = source[0]?.spec?.restic;
    if (!restic?.repository)
      throw new DrillFailure(
        `ReplicationSource ${name} in ${namespace} has no restic repository`,
      );
    const [pvc] = await ctx.access.state.list(
      resources.persistentVolumeClaims,
      {
        namespace,
        ...byName(source[0].spec.sourcePVC),
        signal,
      },
    );
    const capacity = pvc?.spec?.resources?.requests?.storage;
    if (!pvc || !capacity)
      throw new DrillFailure(
        `The source PVC ${source[0].spec.sourcePVC} of ${name} is not in ${namespace}: its size is unknown`,
      );
    const drillName = drillClusterName(name, ctx.record.id);
    const manifest = {
      apiVersion: 'volsync.backube/v1alpha1',
      kind: 'ReplicationDestination',
      metadata: {
        name: drillName,
        namespace,
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
      spec: {
        trigger: { manual: `drill-${shortId(ctx.record.id)}` },
        restic: {
          repository: restic.repository,
          copyMethod: 'Direct',
          capacity,
          accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
          ...(restic.storageClassName ?? pvc.spec?.storageClassName
            ? {
                storageClassName:
                  restic.storageClassName ?? pvc.spec?.storageClassName,
              }
            : {}),
        },
      },
    };
    return {
      source: `${restic.repository}, newest snapshot (synced ${point})`,
      target: `${namespace}/${drillName}`,
      recoveryPoint: point,
      state: { name: drillName, manifest } satisfies VolsyncState,
      creates: [
        {
          apiVersion: 'volsync.backube/v1alpha1',
          kind: 'ReplicationDestination',
          name: drillName,
          namespace,
        },
      ],
      notes: [
        `A ReplicationDestination ${drillName} restores the newest snapshot of ${restic.repository} into a fresh ${capacity} PVC that VolSync creates and owns; ${name} and ${source[0].spec.sourcePVC} are not touched.`,
        'The restic mover only reads the repository; deleting the ReplicationDestination at the end deletes its PVC.',
      ],
    };
  }

  async create(ctx: DrillContext): Promise<void> {
    await createOwn(
      ctx,
      resources.replicationDestinations,
      this.#state(ctx).manifest,
    );
  }

  #destination(ctx: DrillContext): Promise<KubeItem | undefined> {
    return getInNamespace(
      ctx,
      resources.replicationDestinations,
      this.#state(ctx).name,
    );
  }

  async check(ctx: DrillContext): Promise<Progress> {
    const s = this.#state(ctx);
    const destination = await this.#destination(ctx);
    if (!destination)
      return {
        ready: false,
        checks: [],
        failure: `ReplicationDestination ${s.name} is gone from ${ctx.record.namespace}`,
      };
    const status = destination.status ?? {};
    const condition = (status.conditions ?? []).find(
      (c: any) => c?.type === 'Synchronizing',
    );
    const synced =
      status.lastManualSync === s.manifest.spec.trigger.manual &&
      Boolean(status.latestImage?.name);
    const check = {
      kind: 'ReplicationDestination',
      name: s.name,
      ready: synced,
      detail:
        [condition?.reason, condition?.message].filter(Boolean).join(': ') ||
        'not reconciled yet',
    };
    if (status.latestMoverStatus?.result === 'Failed')
      return {
        ready: false,
        checks: [check],
        failure: `The restic restore failed: ${
          String(status.latestMoverStatus.logs ?? '')
            .split('\n')
            .pop() || 'see the mover logs'
        }`,
      };
    if (!synced) return { ready: false, checks: [check] };
    const [pvc] = await ctx.access.state.list(
      resources.persistentVolumeClaims,
      {
        namespace: ctx.record.namespace,
        ...byName(status.latestImage.name),
        signal: ctx.signal,
      },
    );
    const claim = {
      kind: 'PersistentVolumeClaim',
      name: status.latestImage.name,
      ready: pvc?.status?.phase === 'Bound',
      detail: pvc?.status?.phase ?? 'missing',
    };
    if (!claim.ready) return { ready: false, checks: [check, claim] };
    return {
      ready: true,
      checks: [check, claim],
      requestedAt: destination.metadata.creationTimestamp!,
      readyAt: status.lastSyncTime ?? ctx.now.toISOString(),
    };
  }

  async cleanup(ctx: DrillContext): Promise<boolean> {
    if (!this.#state(ctx)?.name) return true;
    // The PVC it owns goes with it.
    return deleteOwn(
      ctx,
      resources.replicationDestinations,
      await this.#destination(ctx),
    );
  }
}
