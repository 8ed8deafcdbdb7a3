import type {
  VeleroBackup,
  VeleroSection,
  VeleroSchedule,
} from '@internal/plugin-backups-common';
import { ClusterState, KubeItem } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { EntityTarget } from '../snapshot/ClusterSnapshot';
import { includesNamespace } from './includesNamespace';
import {
  newestFirst,
  SCHEDULE_LABEL,
  toReadiness,
  toSnapshotClass,
  toVeleroBackup,
  toVeleroRestore,
  toVeleroSchedule,
  toVeleroStorageLocation,
} from './mapVelero';
import { ReadLog, readLog, tryList } from './tryList';
import { fitsLabelValue, veleroValidName } from './veleroValidName';

export type VeleroReaderOptions = {
  /** Where Velero is installed (`backups.velero.namespace`). */
  namespace: string;
  /** The server Deployment (`backups.velero.deploymentName`). */
  deploymentName: string;
  /** The node agent DaemonSet (`backups.velero.nodeAgentName`). */
  nodeAgentName: string;
};

const SOURCE = 'velero';
/** File-system backups are looked up for at most this many backups per request. */
const MAX_PVB_LOOKUPS = 20;

type Context = {
  state: ClusterState;
  target: EntityTarget;
  namespace: string;
  log: ReadLog;
};

function selectSchedules(items: KubeItem[], target: EntityTarget) {
  const pinned = target.pinned.veleroSchedules;
  return items
    .filter(s =>
      pinned
        ? pinned.includes(s.metadata.name)
        : includesNamespace(s.spec?.template ?? {}, target.namespace),
    )
    .map(toVeleroSchedule);
}

/** Backups of the selected schedules, and manual backups that hold the namespace. */
async function listBackups(
  ctx: Context,
  schedules: VeleroSchedule[],
): Promise<KubeItem[]> {
  const { state, target, namespace, log } = ctx;
  // A name over 63 characters cannot be a label value: such a schedule has no backups.
  const names = schedules.map(s => s.name).filter(fitsLabelValue);
  const [scheduled, manual] = await Promise.all([
    names.length
      ? tryList(
          state,
          SOURCE,
          resources.veleroBackups,
          {
            namespace,
            labelSelector: `${SCHEDULE_LABEL} in (${names.join(',')})`,
          },
          log,
          'velero.backups',
        )
      : [],
    // Pinned schedules mean: only these schedules' backups.
    target.pinned.veleroSchedules
      ? []
      : tryList(
          state,
          SOURCE,
          resources.veleroBackups,
          {
            namespace,
            labelSelector: `!${SCHEDULE_LABEL}`,
            includesNamespace: target.namespace,
          },
          log,
          'velero.backups',
        ),
  ]);
  return [
    ...(scheduled ?? []),
    ...(manual ?? []).filter(b =>
      includesNamespace(b.spec ?? {}, target.namespace),
    ),
  ].sort(newestFirst);
}

function capturedNoSnapshot(b: VeleroBackup) {
  return (
    (b.phase === 'Completed' || b.phase === 'PartiallyFailed') &&
    !b.csiVolumeSnapshotsCompleted &&
    !b.volumeSnapshotsCompleted &&
    !b.backupItemOperationsCompleted
  );
}

/**
 * File-system backups leave no counter on the Backup: count the completed
 * PodVolumeBackups of the backups that show no snapshot, newest first.
 */
async function countPodVolumeBackups(ctx: Context, backups: VeleroBackup[]) {
  const candidates = backups
    .filter(capturedNoSnapshot)
    .slice(0, MAX_PVB_LOOKUPS);
  if (candidates.length === 0) return;
  const byLabel = new Map(candidates.map(b => [veleroValidName(b.name), b]));
  const items = await tryList(
    ctx.state,
    SOURCE,
    resources.podVolumeBackups,
    {
      namespace: ctx.namespace,
      labelSelector: `velero.io/backup-name in (${[...byLabel.keys()].join(
        ',',
      )})`,
    },
    ctx.log,
    'velero.podVolumeBackups',
  );
  if (!items) return;
  for (const backup of candidates) backup.podVolumeBackupsCompleted = 0;
  for (const pvb of items) {
    const backup = byLabel.get(
      pvb.metadata.labels?.['velero.io/backup-name'] ?? '',
    );
    if (backup && pvb.status?.phase === 'Completed')
      backup.podVolumeBackupsCompleted =
        (backup.podVolumeBackupsCompleted ?? 0) + 1;
  }
}

async function readServer(ctx: Context, options: VeleroReaderOptions) {
  const { state, namespace, log } = ctx;
  const [deployments, daemonSets, classes] = await Promise.all([
    tryList(
      state,
      SOURCE,
      resources.deployments,
      { namespace, fieldSelector: `metadata.name=${options.deploymentName}` },
      log,
      'velero.deployment',
    ),
    tryList(
      state,
      SOURCE,
      resources.daemonSets,
      { namespace, fieldSelector: `metadata.name=${options.nodeAgentName}` },
      log,
      'velero.nodeAgent',
    ),
    tryList(
      state,
      SOURCE,
      resources.volumeSnapshotClasses,
      {},
      log,
      'velero.snapshotClasses',
    ),
  ]);
  return {
    deployment: toReadiness(deployments?.[0], 'Deployment'),
    deploymentFound: deployments ? deployments.length > 0 : undefined,
    nodeAgent: toReadiness(daemonSets?.[0], 'DaemonSet'),
    volumeSnapshotClasses: classes?.map(c => c.metadata.name),
    snapshotClasses: classes?.map(toSnapshotClass),
  };
}

/**
 * Velero objects for an entity. They live in Velero's namespace, not the
 * app's: Schedules are chosen by the namespaces their template includes (or
 * pinned by name), Backups by the `velero.io/schedule-name` label or, for
 * manual ones, by their own included namespaces; Restores by the backup or
 * schedule they restore. A list that fails is named in `unread`.
 */
export async function readVelero(
  state: ClusterState,
  target: EntityTarget,
  options: VeleroReaderOptions,
): Promise<{ section?: VeleroSection } & ReadLog> {
  const log = readLog();
  const ctx: Context = { state, target, namespace: options.namespace, log };
  const scheduleItems = await tryList(
    state,
    SOURCE,
    resources.veleroSchedules,
    { namespace: ctx.namespace },
    log,
  );
  if (!scheduleItems) return log;
  const schedules = selectSchedules(scheduleItems, target);
  const inNamespace = { namespace: ctx.namespace };

  const [backupItems, restoreItems, bsls, vsls, server] = await Promise.all([
    listBackups(ctx, schedules),
    tryList(
      state,
      SOURCE,
      resources.veleroRestores,
      inNamespace,
      log,
      'velero.restores',
    ),
    tryList(
      state,
      SOURCE,
      resources.veleroStorageLocations,
      inNamespace,
      log,
      'velero.storageLocations',
    ),
    tryList(state, SOURCE, resources.veleroSnapshotLocations, inNamespace, log),
    readServer(ctx, options),
  ]);

  const backups = backupItems.map(toVeleroBackup);
  await countPodVolumeBackups(ctx, backups);
  const backupNames = new Set(backups.map(b => b.name));
  const scheduleNames = new Set(schedules.map(s => s.name));
  const restores = (restoreItems ?? [])
    .filter(
      r =>
        backupNames.has(r.spec?.backupName) ||
        scheduleNames.has(r.spec?.scheduleName),
    )
    .sort(newestFirst)
    .map(toVeleroRestore);

  return {
    ...log,
    section: {
      namespace: ctx.namespace,
      server,
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
