import type {
  SourceError,
  VeleroBackup,
  VeleroSchedule,
  VeleroSection,
} from '@internal/plugin-backups-common';
import { ClusterState, KubeItem } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { EntityTarget } from '../snapshot/ClusterSnapshot';
import { formatLabelSelector } from '../selectors/labelSelector';
import { tryList } from './tryList';

export type VeleroReaderOptions = {
  namespace: string;
  deploymentName: string;
  nodeAgentName: string;
};

/** Whether a backup spec (a Schedule's template, or a Backup) includes a namespace. */
export function includesNamespace(spec: any, namespace: string): boolean {
  const included: string[] = spec?.includedNamespaces ?? [];
  const excluded: string[] = spec?.excludedNamespaces ?? [];
  if (excluded.includes(namespace) || excluded.includes('*')) return false;
  // Velero treats an empty includedNamespaces as "all namespaces".
  return (
    included.length === 0 ||
    included.includes('*') ||
    included.includes(namespace)
  );
}

function toSchedule(item: KubeItem): VeleroSchedule {
  const template = item.spec?.template ?? {};
  return {
    name: item.metadata.name,
    schedule: String(item.spec?.schedule ?? ''),
    paused: Boolean(item.spec?.paused),
    ttl: template.ttl,
    includedNamespaces: template.includedNamespaces ?? [],
    excludedNamespaces: template.excludedNamespaces,
    labelSelector: formatLabelSelector(template.labelSelector),
    storageLocation: template.storageLocation,
    volumeSnapshotLocations: template.volumeSnapshotLocations,
    phase: item.status?.phase,
    lastBackup: item.status?.lastBackup,
    validationErrors: item.status?.validationErrors,
  };
}

function toBackup(item: KubeItem): VeleroBackup {
  const s = item.status ?? {};
  return {
    name: item.metadata.name,
    schedule: item.metadata.labels?.['velero.io/schedule-name'],
    phase: s.phase ?? 'New',
    startTimestamp: s.startTimestamp,
    completionTimestamp: s.completionTimestamp,
    expiration: s.expiration,
    errors: s.errors,
    warnings: s.warnings,
    failureReason: s.failureReason,
    validationErrors: s.validationErrors,
    itemsBackedUp: s.progress?.itemsBackedUp,
    totalItems: s.progress?.totalItems,
    volumeSnapshotsAttempted: s.volumeSnapshotsAttempted,
    volumeSnapshotsCompleted: s.volumeSnapshotsCompleted,
    csiVolumeSnapshotsAttempted: s.csiVolumeSnapshotsAttempted,
    csiVolumeSnapshotsCompleted: s.csiVolumeSnapshotsCompleted,
    storageLocation:
      item.spec?.storageLocation ??
      item.metadata.labels?.['velero.io/storage-location'],
    includedNamespaces: item.spec?.includedNamespaces,
  };
}

function readiness(
  item: KubeItem | undefined,
  kind: 'Deployment' | 'DaemonSet',
) {
  if (!item) return undefined;
  const s = item.status ?? {};
  return kind === 'Deployment'
    ? {
        name: item.metadata.name,
        ready: s.readyReplicas ?? 0,
        desired: item.spec?.replicas ?? 1,
      }
    : {
        name: item.metadata.name,
        ready: s.numberReady ?? 0,
        desired: s.desiredNumberScheduled ?? 0,
      };
}

/**
 * Velero objects for an entity. They live in Velero's namespace, not the app's:
 * schedules are chosen by what their template includes, backups by the
 * `velero.io/schedule-name` label or, for manual ones, by includedNamespaces.
 */
export async function readVelero(
  state: ClusterState,
  target: EntityTarget,
  options: VeleroReaderOptions,
): Promise<{ section?: VeleroSection; errors: SourceError[] }> {
  const errors: SourceError[] = [];
  const ns = options.namespace;
  const scheduleItems = await tryList(
    state,
    'velero',
    resources.veleroSchedules,
    { namespace: ns },
    errors,
  );
  if (!scheduleItems) return { errors };

  const pinned = target.pinned.veleroSchedules;
  const schedules = scheduleItems
    .filter(s =>
      pinned
        ? pinned.includes(s.metadata.name)
        : includesNamespace(s.spec?.template, target.namespace),
    )
    .map(toSchedule);
  const scheduleNames = new Set(schedules.map(s => s.name));

  const [
    backupItems,
    restoreItems,
    bsls,
    vsls,
    deployments,
    daemonSets,
    snapshotClasses,
  ] = await Promise.all([
    tryList(
      state,
      'velero',
      resources.veleroBackups,
      { namespace: ns },
      errors,
    ),
    tryList(
      state,
      'velero',
      resources.veleroRestores,
      { namespace: ns },
      errors,
    ),
    tryList(
      state,
      'velero',
      resources.veleroStorageLocations,
      { namespace: ns },
      errors,
    ),
    tryList(
      state,
      'velero',
      resources.veleroSnapshotLocations,
      { namespace: ns },
      errors,
    ),
    tryList(
      state,
      'velero',
      resources.deployments,
      {
        namespace: ns,
        fieldSelector: `metadata.name=${options.deploymentName}`,
      },
      errors,
    ),
    tryList(
      state,
      'velero',
      resources.daemonSets,
      {
        namespace: ns,
        fieldSelector: `metadata.name=${options.nodeAgentName}`,
      },
      errors,
    ),
    tryList(state, 'velero', resources.volumeSnapshotClasses, {}, errors),
  ]);

  const backups = (backupItems ?? [])
    .filter(b => {
      const schedule = b.metadata.labels?.['velero.io/schedule-name'];
      if (schedule) return scheduleNames.has(schedule);
      return !pinned && includesNamespace(b.spec, target.namespace);
    })
    .map(toBackup)
    .sort((a, b) =>
      String(b.startTimestamp ?? '').localeCompare(
        String(a.startTimestamp ?? ''),
      ),
    );
  const backupNames = new Set(backups.map(b => b.name));

  const restores = (restoreItems ?? [])
    .filter(
      r =>
        backupNames.has(r.spec?.backupName) ||
        scheduleNames.has(r.spec?.scheduleName),
    )
    .map(r => ({
      name: r.metadata.name,
      backupName: r.spec?.backupName,
      scheduleName: r.spec?.scheduleName,
      phase: r.status?.phase ?? 'New',
      startTimestamp: r.status?.startTimestamp,
      completionTimestamp: r.status?.completionTimestamp,
      itemsRestored: r.status?.progress?.itemsRestored,
      totalItems: r.status?.progress?.totalItems,
      errors: r.status?.errors,
      warnings: r.status?.warnings,
      failureReason:
        r.status?.failureReason ?? r.status?.validationErrors?.join('; '),
      namespaceMapping: r.spec?.namespaceMapping,
    }))
    .sort((a, b) =>
      String(b.startTimestamp ?? '').localeCompare(
        String(a.startTimestamp ?? ''),
      ),
    );

  return {
    errors,
    section: {
      namespace: ns,
      server: {
        deployment: readiness(deployments?.[0], 'Deployment'),
        nodeAgent: readiness(daemonSets?.[0], 'DaemonSet'),
        volumeSnapshotClasses: snapshotClasses?.map(c => c.metadata.name),
      },
      schedules,
      backups,
      restores,
      storageLocations: (bsls ?? []).map(b => ({
        name: b.metadata.name,
        provider: b.spec?.provider,
        bucket: b.spec?.objectStorage?.bucket,
        prefix: b.spec?.objectStorage?.prefix,
        default: Boolean(b.spec?.default),
        phase: b.status?.phase,
        lastValidationTime: b.status?.lastValidationTime,
        lastSyncedTime: b.status?.lastSyncedTime,
        message: b.status?.message,
      })),
      snapshotLocations: (vsls ?? []).map(v => ({
        name: v.metadata.name,
        provider: v.spec?.provider,
        phase: v.status?.phase,
      })),
    },
  };
}
