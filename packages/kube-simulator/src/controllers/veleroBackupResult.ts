import { KubeObject } from '../store/KubeObject';
import {
  controlledBy,
  generatedSuffix,
  hexFor,
  object,
  omitEmpty,
  uidFor,
} from '../scenarios/fixtures/meta';
import { VeleroBackupPlan } from './planVeleroBackup';

/** What prepareBackupRequest fills into a Backup's spec when it validates it (Velero 1.15). */
export const VALIDATED_SPEC_DEFAULTS = {
  csiSnapshotTimeout: '10m0s',
  itemOperationTimeout: '4h0m0s',
  defaultVolumesToFsBackup: false,
  snapshotMoveData: false,
};

/** The annotations prepareBackupRequest writes on every Backup. */
export const VALIDATED_ANNOTATIONS = {
  'velero.io/source-cluster-k8s-gitversion': 'v1.31.4',
  'velero.io/source-cluster-k8s-major-version': '1',
  'velero.io/source-cluster-k8s-minor-version': '31',
  'velero.io/resource-timeout': '10m0s',
};

/** What the GCP object store plugin reports when the bucket is gone. */
export const BUCKET_GONE_UPLOAD_ERROR =
  'rpc error: code = Unknown desc = googleapi: Error 404: The specified bucket does not exist., notFound';

function repositoryError(bsl: string, namespace: string) {
  return `error to initialize data path: error to boost backup repository connection ${bsl}-${namespace}-kopia: error to connect backup repo: error to connect repo with storage: error to connect to repository: unable to read format blob: error getting kopia.repository blob: storage: bucket doesn't exist`;
}

/**
 * How a backup ends, for the simulator:
 * - Completed: through Finalizing;
 * - PartiallyFailed: errors were logged (a VolumeSnapshot reported an error
 *   while the backup waited for plugin operations, or a PVC had no
 *   VolumeSnapshotClass), then through FinalizingPartiallyFailed;
 * - Failed: the bucket is gone, so the kopia upload of each pod volume
 *   fails, and persisting the backup fails after runBackup assigned a
 *   non-terminal phase.
 */
export type BackupOutcome = 'Completed' | 'PartiallyFailed' | 'Failed';

/**
 * The status fields Velero 1.15 leaves once a backup has ended (velero
 * backup_controller.go runBackup, backup_finalizer_controller.go): completionTimestamp and csiVolumeSnapshotsCompleted
 * come from the finalizer, so a Failed backup whose upload failed has
 * neither, only phase and failureReason on top of what runBackup had set;
 * every int counter is omitempty, so a 0 is absent.
 */
export function finishedStatus(
  plan: VeleroBackupPlan,
  outcome: BackupOutcome,
  completed: string,
) {
  const snapshots = plan.snapshotClaims.length;
  const failedOps = outcome === 'PartiallyFailed' && snapshots > 0 ? 1 : 0;
  const failedVolumes = outcome === 'Failed' ? plan.podVolumes.length : 0;
  const errors =
    plan.unsnapshottableClaims.length +
    failedOps +
    failedVolumes +
    (outcome === 'PartiallyFailed' &&
    failedOps + plan.unsnapshottableClaims.length === 0
      ? 1
      : 0);
  const finalized = outcome !== 'Failed';
  return {
    phase: outcome,
    ...(finalized
      ? { completionTimestamp: completed }
      : { failureReason: BUCKET_GONE_UPLOAD_ERROR }),
    progress: { totalItems: plan.totalItems, itemsBackedUp: plan.totalItems },
    hookStatus: omitEmpty({ hooksAttempted: plan.hooksAttempted }),
    ...omitEmpty({
      csiVolumeSnapshotsAttempted: snapshots,
      csiVolumeSnapshotsCompleted: finalized ? snapshots - failedOps : 0,
      backupItemOperationsAttempted: snapshots,
      backupItemOperationsCompleted: snapshots - failedOps,
      backupItemOperationsFailed: failedOps,
      errors,
    }),
  };
}

/**
 * The PodVolumeBackup the node-agent leaves for a file-system backed pod
 * volume (velero podvolume newPodVolumeBackup): generateName from the
 * backup, labels velero.io/backup-name, backup-uid and pvc-uid, an
 * ownerRef to the Backup. A Failed one could not reach its repository.
 */
export function podVolumeBackup(
  backup: KubeObject,
  volume: VeleroBackupPlan['podVolumes'][number],
  times: { created: string; started: string; ended: string },
  failed: boolean,
): KubeObject {
  const { pod, claim } = volume;
  const backupName = backup.metadata.name;
  const backupUid = backup.metadata.uid ?? '';
  const bsl = backup.spec?.storageLocation ?? 'default';
  const name = `${backupName}-${generatedSuffix(
    `${backupName}/${pod.metadata.name}/${volume.volume}`,
  )}`;
  const bytes = 2_274_213_576;
  return object(
    'velero.io/v1',
    'PodVolumeBackup',
    name,
    backup.metadata.namespace,
    {
      meta: {
        uid: uidFor(`podvolumebackup/${name}`),
        creationTimestamp: times.created,
        generateName: `${backupName}-`,
        ownerReferences: controlledBy(
          'velero.io/v1',
          'Backup',
          backupName,
          backupUid,
          false,
        ),
      },
      labels: {
        // label.GetValidName: names up to 63 characters are kept as they are.
        'velero.io/backup-name': backupName,
        'velero.io/backup-uid': backupUid,
        'velero.io/pvc-uid': claim.metadata.uid ?? '',
      },
      annotations: { 'velero.io/pvc-name': claim.metadata.name },
      spec: {
        node: pod.spec?.nodeName ?? '',
        pod: {
          kind: 'Pod',
          namespace: pod.metadata.namespace,
          name: pod.metadata.name,
          uid: pod.metadata.uid,
        },
        volume: volume.volume,
        tags: {
          backup: backupName,
          'backup-uid': backupUid,
          ns: pod.metadata.namespace ?? '',
          pod: pod.metadata.name,
          'pod-uid': pod.metadata.uid ?? '',
          'pvc-uid': claim.metadata.uid ?? '',
          volume: volume.volume,
        },
        backupStorageLocation: bsl,
        // Set only for restic repositories; kopia is the 1.15 default.
        repoIdentifier: '',
        uploaderType: 'kopia',
      },
      status: failed
        ? {
            phase: 'Failed',
            message: repositoryError(bsl, pod.metadata.namespace ?? ''),
            startTimestamp: times.started,
            completionTimestamp: times.started,
          }
        : {
            phase: 'Completed',
            path: `/host_pods/${pod.metadata.uid}/volumes/kubernetes.io~csi/${claim.spec?.volumeName}/mount`,
            snapshotID: hexFor(`kopia/${name}`, 32),
            startTimestamp: times.started,
            completionTimestamp: times.ended,
            progress: { totalBytes: bytes, bytesDone: bytes },
          },
    },
  );
}
