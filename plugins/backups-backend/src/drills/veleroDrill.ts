import type { KubeItem } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { fetchDownload, parseResourceList } from '../restores/fetchDownload';
import {
  checkBackup,
  claimHint,
  namespaceClaims,
} from '../restores/restoreGuards';
import { entityLabelValue, RESTORE_LABELS } from '../restores/restoreLabels';
import { capturedAt, recoveryPoint } from '../verdict/velero/recoveryPoint';
import {
  DRILL_ANNOTATIONS,
  DRILL_LABELS,
  drillNamespaceName,
  drillRestoreName,
  MANAGED_BY,
} from './drillLabels';
import {
  DrillContext,
  DrillFailure,
  DrillRunner,
  ensureCreated,
  PrepareInput,
  Prepared,
  Progress,
} from './DrillRunner';
import { veleroDrillChecks } from './veleroDrillChecks';
import {
  DRILL_EXCLUDED_RESOURCES,
  drillNetworkPolicy,
  drillResourceModifiers,
} from './veleroDrillManifests';

const byName = (name: string) => ({ fieldSelector: `metadata.name=${name}` });

/** The drill namespace's deny-all NetworkPolicy. */
const ISOLATION = 'backups-drill-isolation';

/** The part of a drill's state a Velero drill keeps. */
type VeleroState = {
  backupName: string;
  sourceNamespace: string;
  drillNamespace: string;
  restoreName: string;
  /** The resource-modifier ConfigMap, in Velero's namespace. */
  configMapName?: string;
  scaled: string[];
  expiresAt: string;
};

function labels(ctx: DrillContext) {
  return {
    [DRILL_LABELS.managedBy]: MANAGED_BY,
    [DRILL_LABELS.drill]: ctx.record.id,
    [DRILL_LABELS.entity]: entityLabelValue(ctx.record.entityRef),
  };
}

/** Workloads of the source namespace in the backup, from its resource list. */
function workloadsIn(list: Record<string, string[]>, namespace: string) {
  return ['apps/v1/Deployment', 'apps/v1/StatefulSet'].flatMap(resource =>
    (list[resource] ?? [])
      .filter(entry => entry.startsWith(`${namespace}/`))
      .map(entry => entry.slice(namespace.length + 1)),
  );
}

/**
 * A Velero drill: the newest restorable backup of the tier's schedule,
 * restored under the restore guards into `<namespace>-drill-<id>` — a
 * namespace it creates first, with a NetworkPolicy that denies all traffic,
 * and Deployments and StatefulSets scaled to zero by Velero resource
 * modifiers except those the policy keeps running — then checked: PVCs
 * Bound, Deployments Available, StatefulSets ready.
 */
export class VeleroDrill implements DrillRunner {
  readonly #maxDownloadBytes: number;

  constructor(options: { maxDownloadBytes: number }) {
    this.#maxDownloadBytes = options.maxDownloadBytes;
  }

  #state(ctx: DrillContext): VeleroState {
    return ctx.record.state as VeleroState;
  }

  async prepare(ctx: DrillContext, input: PrepareInput): Promise<Prepared> {
    const { access, veleroNamespace: velero, signal } = ctx;
    const namespace = ctx.record.namespace;
    const backups = (input.snapshot.velero?.backups ?? []).filter(
      b => b.schedule === input.tier.name,
    );
    const chosen = recoveryPoint(backups, namespace).backup;
    if (!chosen)
      throw new DrillFailure(
        `No restorable backup of schedule ${input.tier.name} holds namespace ${namespace}`,
      );
    // The restore guards, on what the API server says now.
    const [backup] = await access.state.list(resources.veleroBackups, {
      namespace: velero,
      ...byName(chosen.name),
      signal,
    });
    try {
      checkBackup(backup, chosen.name, namespace, { now: ctx.now });
    } catch (error) {
      throw new DrillFailure((error as Error).message);
    }
    const [source] = await access.state.list(resources.namespaces, {
      ...byName(namespace),
      signal,
    });
    if (!source || !namespaceClaims(source, input.entity, input.restoreConfig))
      throw new DrillFailure(
        `Namespace ${namespace} does not claim ${
          input.entityRef
        }, so its backups are not drilled from here: ${claimHint(
          namespace,
          input.entity,
          input.restoreConfig,
        )}`,
      );
    const drillNamespace = drillNamespaceName(namespace, ctx.record.id);
    if (
      drillNamespace.startsWith('kube-') ||
      drillNamespace === velero ||
      input.restoreConfig.forbiddenNamespaces.includes(drillNamespace)
    )
      throw new DrillFailure(
        `${drillNamespace} is a system namespace and is never a drill target`,
      );
    const list = parseResourceList(
      await fetchDownload(
        access,
        velero,
        { kind: 'BackupResourceList', name: chosen.name },
        { signal, maxBytes: this.#maxDownloadBytes },
      ),
    );
    const keep = new Set(input.policy.keepRunning);
    const workloads = workloadsIn(list, namespace);
    const scaled = workloads.filter(n => !keep.has(n));
    const kept = workloads.filter(n => keep.has(n));
    const restoreName = drillRestoreName(ctx.record.id);
    const state: VeleroState = {
      backupName: chosen.name,
      sourceNamespace: namespace,
      drillNamespace,
      restoreName,
      configMapName: restoreName,
      scaled,
      expiresAt: input.expiresAt,
    };
    return {
      source: chosen.name,
      target: drillNamespace,
      recoveryPoint: capturedAt(chosen)!,
      state,
      creates: [
        { apiVersion: 'v1', kind: 'Namespace', name: drillNamespace },
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          name: ISOLATION,
          namespace: drillNamespace,
        },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          name: restoreName,
          namespace: velero,
        },
        {
          apiVersion: 'velero.io/v1',
          kind: 'Restore',
          name: restoreName,
          namespace: velero,
        },
      ],
      notes: [
        `Velero restores ${namespace} from backup ${chosen.name} into ${drillNamespace}; nothing in ${namespace} is written.`,
        `NetworkPolicy ${ISOLATION} denies all traffic in and out of ${drillNamespace} before anything is restored.`,
        scaled.length
          ? `Scaled to zero in the copy: ${scaled.join(', ')}.`
          : 'No workload is scaled to zero.',
        ...(kept.length
          ? [`Kept running (drill policy): ${kept.join(', ')}.`]
          : []),
        `Not restored: ${DRILL_EXCLUDED_RESOURCES.join(', ')}.`,
      ],
    };
  }

  async create(ctx: DrillContext): Promise<void> {
    const s = this.#state(ctx);
    const { writer, state } = ctx.access;
    const velero = ctx.veleroNamespace;
    const signal = ctx.signal;
    const own = labels(ctx);
    const mine = (item: KubeItem | undefined) =>
      item?.metadata.labels?.[DRILL_LABELS.drill] === ctx.record.id;
    const metadata = (name: string, namespace?: string) => ({
      name,
      ...(namespace ? { namespace } : {}),
      labels: own,
      annotations: {
        [DRILL_ANNOTATIONS.entityRef]: ctx.record.entityRef,
        [DRILL_ANNOTATIONS.expiresAt]: s.expiresAt,
      },
    });
    await ensureCreated(
      () =>
        writer.create(
          resources.namespaces,
          undefined,
          {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: metadata(s.drillNamespace),
          },
          { signal },
        ),
      async () =>
        mine(
          (
            await state.list(resources.namespaces, {
              ...byName(s.drillNamespace),
              signal,
            })
          )[0],
        ),
      `Namespace ${s.drillNamespace}`,
    );
    // Before anything is restored into it: no traffic in or out.
    await ensureCreated(
      () =>
        writer.create(
          resources.networkPolicies,
          s.drillNamespace,
          drillNetworkPolicy(metadata(ISOLATION, s.drillNamespace)),
          { signal },
        ),
      async () => true,
      `NetworkPolicy ${ISOLATION}`,
    );
    if (s.configMapName)
      await ensureCreated(
        () =>
          writer.create(
            resources.configMaps,
            velero,
            {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              metadata: metadata(s.configMapName!, velero),
              data: {
                'resource-modifiers.json': JSON.stringify(
                  drillResourceModifiers(s.sourceNamespace, s.scaled),
                ),
              },
            },
            { signal },
          ),
        async () => true,
        `ConfigMap ${velero}/${s.configMapName}`,
      );
    await ensureCreated(
      () =>
        writer.create(
          resources.veleroRestores,
          velero,
          {
            apiVersion: 'velero.io/v1',
            kind: 'Restore',
            metadata: {
              ...metadata(s.restoreName, velero),
              // Not the entity label: the restores table lists restores,
              // and a drill's evidence is on its tier.
              labels: {
                [DRILL_LABELS.managedBy]: MANAGED_BY,
                [DRILL_LABELS.drill]: ctx.record.id,
                [RESTORE_LABELS.target]: s.drillNamespace,
              },
            },
            spec: {
              backupName: s.backupName,
              includedNamespaces: [s.sourceNamespace],
              namespaceMapping: { [s.sourceNamespace]: s.drillNamespace },
              excludedResources: DRILL_EXCLUDED_RESOURCES,
              restorePVs: true,
              includeClusterResources: false,
              existingResourcePolicy: 'none',
              ...(s.configMapName
                ? {
                    resourceModifier: {
                      kind: 'ConfigMap',
                      name: s.configMapName,
                    },
                  }
                : {}),
            },
          },
          { signal },
        ),
      async () =>
        mine(
          (
            await state.list(resources.veleroRestores, {
              namespace: velero,
              ...byName(s.restoreName),
              signal,
            })
          )[0],
        ),
      `Restore ${velero}/${s.restoreName}`,
    );
  }

  async check(ctx: DrillContext): Promise<Progress> {
    const s = this.#state(ctx);
    const { state } = ctx.access;
    const signal = ctx.signal;
    const [restore] = await state.list(resources.veleroRestores, {
      namespace: ctx.veleroNamespace,
      ...byName(s.restoreName),
      signal,
    });
    if (!restore)
      return {
        ready: false,
        checks: [],
        failure: `Restore ${s.restoreName} is gone from ${ctx.veleroNamespace}`,
      };
    const inDrill = { namespace: s.drillNamespace, signal };
    const [claims, deployments, statefulSets] = await Promise.all([
      state.list(resources.persistentVolumeClaims, inDrill),
      state.list(resources.deployments, inDrill),
      state.list(resources.statefulSets, inDrill),
    ]);
    return veleroDrillChecks({
      restore,
      claims,
      deployments,
      statefulSets,
      scaled: s.scaled,
    });
  }

  async cleanup(ctx: DrillContext): Promise<boolean> {
    const s = this.#state(ctx);
    if (!s?.drillNamespace) return true;
    const { writer, state } = ctx.access;
    const signal = ctx.signal;
    const [namespace] = await state.list(resources.namespaces, {
      ...byName(s.drillNamespace),
      signal,
    });
    // Only a namespace this drill made is deleted; once it is gone, the
    // resource modifiers go too.
    if (namespace?.metadata.labels?.[DRILL_LABELS.drill] === ctx.record.id) {
      if (namespace.status?.phase !== 'Terminating')
        await writer.delete(resources.namespaces, undefined, s.drillNamespace, {
          signal,
        });
      return false;
    }
    if (s.configMapName)
      await writer.delete(
        resources.configMaps,
        ctx.veleroNamespace,
        s.configMapName,
        { signal },
      );
    return true;
  }
}
