import type {
  VeleroBackup,
  VeleroRestore,
  VeleroSchedule,
  VeleroStorageLocation,
} from '@internal/plugin-backups-common';
import { KubeItem } from '../cluster/ClusterState';
import { formatLabelSelector } from '../selectors/labelSelector';

export const SCHEDULE_LABEL = 'velero.io/schedule-name';
const STORAGE_LOCATION_LABEL = 'velero.io/storage-location';

export function toVeleroSchedule(item: KubeItem): VeleroSchedule {
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

/** `scheduleName` maps a (possibly shortened) label value back to its Schedule. */
export function toVeleroBackup(
  item: KubeItem,
  scheduleName: (labelValue: string) => string,
): VeleroBackup {
  const s = item.status ?? {};
  const label = item.metadata.labels?.[SCHEDULE_LABEL];
  return {
    name: item.metadata.name,
    schedule: label ? scheduleName(label) : undefined,
    // A Backup the controller has not seen yet has no phase.
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
      item.metadata.labels?.[STORAGE_LOCATION_LABEL],
    includedNamespaces: item.spec?.includedNamespaces,
  };
}

export function toVeleroRestore(item: KubeItem): VeleroRestore {
  const s = item.status ?? {};
  return {
    name: item.metadata.name,
    backupName: item.spec?.backupName || undefined,
    scheduleName: item.spec?.scheduleName || undefined,
    phase: s.phase ?? 'New',
    startTimestamp: s.startTimestamp,
    completionTimestamp: s.completionTimestamp,
    itemsRestored: s.progress?.itemsRestored,
    totalItems: s.progress?.totalItems,
    errors: s.errors,
    warnings: s.warnings,
    failureReason:
      s.failureReason ??
      (s.validationErrors?.length ? s.validationErrors.join('; ') : undefined),
    namespaceMapping: item.spec?.namespaceMapping,
  };
}

export function toVeleroStorageLocation(item: KubeItem): VeleroStorageLocation {
  return {
    name: item.metadata.name,
    provider: item.spec?.provider,
    bucket: item.spec?.objectStorage?.bucket,
    prefix: item.spec?.objectStorage?.prefix,
    default: Boolean(item.spec?.default),
    phase: item.status?.phase,
    lastValidationTime: item.status?.lastValidationTime,
    lastSyncedTime: item.status?.lastSyncedTime,
    message: item.status?.message,
  };
}

export function toReadiness(
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

/** Newest first, by start time or, before the object starts, creation time. */
export function newestFirst(a: KubeItem, b: KubeItem) {
  const key = (i: KubeItem) =>
    String(i.status?.startTimestamp ?? i.metadata.creationTimestamp ?? '');
  return key(b).localeCompare(key(a));
}
