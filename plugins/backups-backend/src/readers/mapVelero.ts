import {
  formatLabelSelector,
  labelSelectorFromObject,
  type VeleroBackup,
  type VeleroRestore,
  type VeleroSchedule,
  type VeleroStorageLocation,
  type VolumeSnapshotClassInfo,
  type WorkloadReadiness,
} from '@internal/plugin-backups-common';
import { KubeItem } from '../cluster/ClusterState';

/** Set by Velero on every Backup a Schedule creates: the schedule's raw name. */
export const SCHEDULE_LABEL = 'velero.io/schedule-name';
const STORAGE_LOCATION_LABEL = 'velero.io/storage-location';
/** Velero picks a VolumeSnapshotClass by this label's key, whatever its value. */
export const SNAPSHOT_CLASS_LABEL = 'velero.io/csi-volumesnapshot-class';

function selectorOf(template: any) {
  try {
    const selector = labelSelectorFromObject(template.labelSelector);
    return {
      selector: selector.requirements,
      labelSelector: formatLabelSelector(selector),
    };
  } catch (error) {
    return { selectorError: (error as Error).message };
  }
}

export function toVeleroSchedule(item: KubeItem): VeleroSchedule {
  const template = item.spec?.template ?? {};
  return {
    name: item.metadata.name,
    schedule: String(item.spec?.schedule ?? ''),
    paused: Boolean(item.spec?.paused),
    ttl: template.ttl,
    includedNamespaces: template.includedNamespaces ?? [],
    excludedNamespaces: template.excludedNamespaces,
    ...selectorOf(template),
    storageLocation: template.storageLocation,
    volumeSnapshotLocations: template.volumeSnapshotLocations,
    snapshotVolumes: template.snapshotVolumes,
    defaultVolumesToFsBackup: template.defaultVolumesToFsBackup,
    snapshotMoveData: template.snapshotMoveData,
    includedResources: template.includedResources,
    excludedResources: template.excludedResources,
    phase: item.status?.phase,
    lastBackup: item.status?.lastBackup,
    lastSkipped: item.status?.lastSkipped,
    validationErrors: item.status?.validationErrors,
    createdAt: item.metadata.creationTimestamp,
  };
}

export function toVeleroBackup(item: KubeItem): VeleroBackup {
  const s = item.status ?? {};
  return {
    name: item.metadata.name,
    schedule: item.metadata.labels?.[SCHEDULE_LABEL],
    // A Backup the controller has not seen yet has no phase.
    phase: s.phase ?? 'New',
    createdAt: item.metadata.creationTimestamp,
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
    backupItemOperationsAttempted: s.backupItemOperationsAttempted,
    backupItemOperationsCompleted: s.backupItemOperationsCompleted,
    backupItemOperationsFailed: s.backupItemOperationsFailed,
    hooksAttempted: s.hookStatus?.hooksAttempted,
    hooksFailed: s.hookStatus?.hooksFailed,
    storageLocation:
      item.spec?.storageLocation ??
      item.metadata.labels?.[STORAGE_LOCATION_LABEL],
    includedNamespaces: item.spec?.includedNamespaces,
    excludedNamespaces: item.spec?.excludedNamespaces,
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
    accessMode: item.spec?.accessMode,
    validationFrequency: item.spec?.validationFrequency,
    credentialSecret: item.spec?.credential?.name,
    phase: item.status?.phase,
    lastValidationTime: item.status?.lastValidationTime,
    lastSyncedTime: item.status?.lastSyncedTime,
    message: item.status?.message,
  };
}

export function toSnapshotClass(item: KubeItem): VolumeSnapshotClassInfo {
  return {
    name: item.metadata.name,
    driver: typeof item.driver === 'string' ? item.driver : undefined,
    veleroLabel: Object.prototype.hasOwnProperty.call(
      item.metadata.labels ?? {},
      SNAPSHOT_CLASS_LABEL,
    ),
  };
}

export function toReadiness(
  item: KubeItem | undefined,
  kind: 'Deployment' | 'DaemonSet',
): WorkloadReadiness | undefined {
  if (!item) return undefined;
  const s = item.status ?? {};
  return kind === 'Deployment'
    ? {
        name: item.metadata.name,
        ready: s.readyReplicas ?? 0,
        desired: item.spec?.replicas ?? 1,
        image: item.spec?.template?.spec?.containers?.[0]?.image,
      }
    : {
        name: item.metadata.name,
        ready: s.numberReady ?? 0,
        desired: s.desiredNumberScheduled ?? 0,
      };
}

/**
 * Newest first, by start time or, for a backup that never started (New,
 * FailedValidation), by creation time: Velero sets startTimestamp only when
 * a backup goes InProgress.
 */
export function newestFirst(a: KubeItem, b: KubeItem) {
  const key = (i: KubeItem) =>
    String(i.status?.startTimestamp ?? i.metadata.creationTimestamp ?? '');
  return key(b).localeCompare(key(a));
}
