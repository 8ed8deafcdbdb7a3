import type { VeleroSchedule } from '@internal/plugin-backups-common';
import { ClusterSnapshot, PvcInfo } from '../../snapshot/ClusterSnapshot';
import { PvcCoverage } from '../velero/scheduleCoverage';
import { PlatformFinding, platformFinding } from './PlatformFinding';

/** PVCs a schedule would snapshot with CSI, rather than back up file by file. */
function snapshottedPvcs(
  snapshot: ClusterSnapshot,
  schedule: VeleroSchedule,
  coverage: PvcCoverage[],
): PvcInfo[] {
  if (schedule.snapshotVolumes === false || schedule.defaultVolumesToFsBackup)
    return [];
  const fsBackup = new Set(
    (snapshot.pods ?? []).flatMap(p => p.fsBackupClaims),
  );
  return coverage
    .filter(c => c.covered === true && !fsBackup.has(c.pvc.name))
    .map(c => c.pvc);
}

/**
 * Velero snapshots a PVC with the VolumeSnapshotClass whose driver is the
 * PVC's StorageClass provisioner and that carries the label key
 * `velero.io/csi-volumesnapshot-class`, or the only class of that driver.
 * Without one the PVC is missing from every backup (PartiallyFailed).
 */
export function snapshotClassFindings(
  snapshot: ClusterSnapshot,
  coverage: Map<string, PvcCoverage[] | undefined>,
): PlatformFinding[] {
  const schedules = snapshot.velero?.schedules ?? [];
  const byDriver = new Map<
    string,
    { pvcs: Set<string>; affects: PlatformFinding['affects'] }
  >();
  const add = (driver: string, pvc: string, schedule: string) => {
    const entry = byDriver.get(driver) ?? { pvcs: new Set(), affects: [] };
    entry.pvcs.add(pvc);
    if (!entry.affects.some(a => a.name === schedule))
      entry.affects.push({ kind: 'velero', name: schedule });
    byDriver.set(driver, entry);
  };
  const unread =
    snapshot.unread.includes('velero.snapshotClasses') ||
    snapshot.unread.includes('storageClasses');
  for (const schedule of schedules) {
    for (const pvc of snapshottedPvcs(
      snapshot,
      schedule,
      coverage.get(schedule.name) ?? [],
    )) {
      const provisioner = snapshot.storageClasses?.find(
        c => c.name === pvc.storageClassName,
      )?.provisioner;
      add(
        pvc.storageClassName ? provisioner ?? '' : '(no storage class)',
        pvc.name,
        schedule.name,
      );
    }
  }
  const classes = snapshot.velero?.server?.snapshotClasses ?? [];
  const findings: PlatformFinding[] = [];
  for (const [driver, { pvcs, affects }] of byDriver) {
    const names = [...pvcs].join(', ');
    if (unread) {
      findings.push(
        platformFinding(
          'velero.source.unreadable',
          'unknown',
          'CSI snapshot classes',
          `StorageClasses or VolumeSnapshotClasses could not be read: whether ${names} can be snapshotted is unknown`,
          affects,
        ),
      );
      continue;
    }
    if (driver === '(no storage class)') {
      findings.push(
        platformFinding(
          'velero.csi.noSnapshotClass',
          'critical',
          'PVCs without a StorageClass',
          `${names} name no StorageClass: Velero cannot find their CSI driver, so they are missing from every backup`,
          affects,
        ),
      );
      continue;
    }
    const ofDriver = classes.filter(c => c.driver === driver);
    if (ofDriver.some(c => c.veleroLabel) || ofDriver.length === 1) continue;
    findings.push(
      platformFinding(
        'velero.csi.noSnapshotClass',
        'critical',
        `CSI driver ${driver || '(unknown)'}`,
        ofDriver.length === 0
          ? `No VolumeSnapshotClass exists for driver ${
              driver || '(unknown provisioner)'
            }: ${names} cannot be snapshotted`
          : `${ofDriver.length} VolumeSnapshotClasses exist for driver ${driver} and none carries the label velero.io/csi-volumesnapshot-class: ${names} cannot be snapshotted`,
        affects,
      ),
    );
  }
  return findings;
}
