import type {
  SourceError,
  VeleroSection,
} from '@internal/plugin-backups-common';
import { ClusterState, KubeItem } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { EntityTarget } from '../snapshot/ClusterSnapshot';
import { includesNamespace } from './includesNamespace';
import {
  newestFirst,
  SCHEDULE_LABEL,
  toReadiness,
  toVeleroBackup,
  toVeleroRestore,
  toVeleroSchedule,
  toVeleroStorageLocation,
} from './mapVelero';
import { scheduleLabelValue } from './scheduleLabelValue';
import { tryList } from './tryList';

export type VeleroReaderOptions = {
  /** Where Velero is installed (`backups.velero.namespace`). */
  namespace: string;
  /** The server Deployment (`backups.velero.deploymentName`). */
  deploymentName: string;
  /** The node agent DaemonSet (`backups.velero.nodeAgentName`). */
  nodeAgentName: string;
};

const SOURCE = 'velero';

/** Kept here too: the verdict rules import it from this module. */
export { includesNamespace };

/** Backups of the selected schedules, and manual backups of the namespace. */
async function listBackups(
  state: ClusterState,
  target: EntityTarget,
  namespace: string,
  labelValues: string[],
  errors: SourceError[],
): Promise<KubeItem[] | undefined> {
  const [scheduled, manual] = await Promise.all([
    labelValues.length
      ? tryList(
          state,
          SOURCE,
          resources.veleroBackups,
          {
            namespace,
            labelSelector: `${SCHEDULE_LABEL} in (${labelValues.join(',')})`,
          },
          errors,
        )
      : [],
    // Pinned schedules mean: only these schedules' backups.
    target.pinned.veleroSchedules
      ? []
      : tryList(
          state,
          SOURCE,
          resources.veleroBackups,
          { namespace, labelSelector: `!${SCHEDULE_LABEL}` },
          errors,
        ),
  ]);
  if (!scheduled && !manual) return undefined;
  return [
    ...(scheduled ?? []),
    ...(manual ?? []).filter(b => includesNamespace(b.spec, target.namespace)),
  ];
}

/**
 * Velero objects for an entity. They live in Velero's namespace, not the
 * app's: Schedules are chosen by the namespaces their template includes (or
 * pinned by name), Backups by the `velero.io/schedule-name` label or, for
 * manual ones, by their own includedNamespaces; Restores by the backup or
 * schedule they restore. A read that fails leaves the rest of the section.
 */
export async function readVelero(
  state: ClusterState,
  target: EntityTarget,
  options: VeleroReaderOptions,
): Promise<{ section?: VeleroSection; errors: SourceError[] }> {
  const errors: SourceError[] = [];
  const namespace = options.namespace;
  const scheduleItems = await tryList(
    state,
    SOURCE,
    resources.veleroSchedules,
    { namespace },
    errors,
  );
  if (!scheduleItems) return { errors };

  const pinned = target.pinned.veleroSchedules;
  const schedules = scheduleItems
    .filter(s =>
      pinned
        ? pinned.includes(s.metadata.name)
        : includesNamespace(s.spec?.template ?? {}, target.namespace),
    )
    .map(toVeleroSchedule);
  const byLabelValue = new Map(
    schedules.map(s => [scheduleLabelValue(s.name), s.name]),
  );
  const scheduleNames = new Set(schedules.map(s => s.name));
  const inNamespace = { namespace };

  const [backupItems, restoreItems, bsls, vsls, deployments, daemonSets, vscs] =
    await Promise.all([
      listBackups(state, target, namespace, [...byLabelValue.keys()], errors),
      tryList(state, SOURCE, resources.veleroRestores, inNamespace, errors),
      tryList(
        state,
        SOURCE,
        resources.veleroStorageLocations,
        inNamespace,
        errors,
      ),
      tryList(
        state,
        SOURCE,
        resources.veleroSnapshotLocations,
        inNamespace,
        errors,
      ),
      tryList(
        state,
        SOURCE,
        resources.deployments,
        { namespace, fieldSelector: `metadata.name=${options.deploymentName}` },
        errors,
      ),
      tryList(
        state,
        SOURCE,
        resources.daemonSets,
        { namespace, fieldSelector: `metadata.name=${options.nodeAgentName}` },
        errors,
      ),
      tryList(state, SOURCE, resources.volumeSnapshotClasses, {}, errors),
    ]);

  const backups = (backupItems ?? [])
    .sort(newestFirst)
    .map(b => toVeleroBackup(b, value => byLabelValue.get(value) ?? value));
  const backupNames = new Set(backups.map(b => b.name));
  const restores = (restoreItems ?? [])
    .filter(
      r =>
        backupNames.has(r.spec?.backupName) ||
        scheduleNames.has(r.spec?.scheduleName),
    )
    .sort(newestFirst)
    .map(toVeleroRestore);

  return {
    errors,
    section: {
      namespace,
      server: {
        deployment: toReadiness(deployments?.[0], 'Deployment'),
        nodeAgent: toReadiness(daemonSets?.[0], 'DaemonSet'),
        volumeSnapshotClasses: vscs?.map(c => c.metadata.name),
      },
      schedules,
      backups,
      restores,
      storageLocations: (bsls ?? []).map(toVeleroStorageLocation),
      snapshotLocations: (vsls ?? []).map(v => ({
        name: v.metadata.name,
        provider: v.spec?.provider,
        phase: v.status?.phase,
      })),
    },
  };
}
