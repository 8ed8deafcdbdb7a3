import type {
  BackupsOverview,
  VeleroBackup,
} from '@internal/plugin-backups-common';
import { isRestorable } from '../components/RestoreDialog';

/** A backup one may restore, with the cluster it is in. */
export type RestorableBackup = VeleroBackup & { cluster: string };

/**
 * The entity's backups that can be restored (Completed, or PartiallyFailed to
 * be acknowledged) and have not expired, newest first, over all its clusters.
 */
export function restorableBackups(
  overview: BackupsOverview,
  now: Date = new Date(),
): RestorableBackup[] {
  const unexpired = (b: VeleroBackup) =>
    !b.expiration || new Date(b.expiration) > now;
  return overview.clusters
    .flatMap(c =>
      (c.velero?.backups ?? []).map(b => ({ ...b, cluster: c.cluster })),
    )
    .filter(b => isRestorable(b.phase) && unexpired(b))
    .sort((a, b) =>
      String(b.startTimestamp ?? b.createdAt ?? '').localeCompare(
        String(a.startTimestamp ?? a.createdAt ?? ''),
      ),
    );
}
