import type { VeleroBackup } from '@internal/plugin-backups-common';
import { Finding, finding } from '../Finding';

/** Volume data a backup holds; Velero omits counters that are 0. */
export function volumeDataCount(backup: VeleroBackup): number | undefined {
  const counted =
    (backup.csiVolumeSnapshotsCompleted ?? 0) +
    (backup.volumeSnapshotsCompleted ?? 0) +
    // With snapshotMoveData, each DataUpload is an item operation.
    (backup.backupItemOperationsCompleted ?? 0);
  if (counted > 0) return counted;
  // File-system backups leave no counter; the reader counts PodVolumeBackups.
  return backup.podVolumeBackupsCompleted;
}

/**
 * What the restorable backup really holds: volume data when the schedule is
 * meant to cover PVCs, and no failed operations, hooks, errors or warnings.
 */
export function backupContentFindings(
  backup: VeleroBackup,
  coveredPvcs: number,
  podVolumeBackupsUnread: boolean,
): Finding[] {
  const findings: Finding[] = [];
  if (coveredPvcs > 0) {
    const volumes = volumeDataCount(backup);
    if (volumes === undefined && podVolumeBackupsUnread) {
      findings.push(
        finding(
          'velero.source.unreadable',
          'unknown',
          `Backup ${backup.name} shows no snapshot, and its PodVolumeBackups could not be read: whether it holds volume data is unknown`,
        ),
      );
    } else if (!volumes) {
      findings.push(
        finding(
          'velero.backup.noVolumeData',
          'critical',
          `Backup ${
            backup.name
          } captured no volume data (no CSI or native snapshot, no file-system backup), though the schedule covers ${coveredPvcs} PVC${
            coveredPvcs === 1 ? '' : 's'
          }`,
        ),
      );
    }
  }
  if (backup.backupItemOperationsFailed)
    findings.push(
      finding(
        'velero.backup.itemOperationsFailed',
        'warning',
        `${backup.backupItemOperationsFailed} asynchronous operation(s) of backup ${backup.name} failed`,
      ),
    );
  if (backup.hooksFailed)
    findings.push(
      finding(
        'velero.backup.hooksFailed',
        'warning',
        `${backup.hooksFailed} hook(s) of backup ${backup.name} failed`,
      ),
    );
  if (backup.errors)
    findings.push(
      finding(
        'velero.backup.errors',
        'warning',
        `Backup ${backup.name} logged ${backup.errors} error(s)`,
      ),
    );
  if (backup.warnings)
    findings.push(
      finding(
        'velero.backup.warnings',
        'warning',
        `Backup ${backup.name} logged ${backup.warnings} warning(s)`,
      ),
    );
  return findings;
}
