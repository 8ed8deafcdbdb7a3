import { Fault } from '../api/Fault';
import { BackupArchive } from '../controllers/veleroBackupArchive';
import { KubeObject } from '../store/KubeObject';

/** The state a simulated cluster starts in. */
export type Scenario = {
  objects: KubeObject[];
  /** CRD groups that are not installed: every request to them answers 404. */
  missingGroups?: string[];
  faults?: Fault[];
  /**
   * What each seeded Backup that reached Completed or PartiallyFailed left
   * in its bucket: the objects it took, as seeded, its log and results.
   */
  backupArchives?: BackupArchive[];
};

export type ScenarioName =
  | 'healthy'
  | 'wal-failing'
  | 'velero-failing'
  | 'selector-mismatch'
  | 'velero-missing'
  | 'forbidden';
