import {
  generatedSuffix,
  hexFor,
  object,
  uidFor,
} from '../scenarios/fixtures/meta';
import { isoSeconds } from '../scenarios/fixtures/time';
import { KubeObject } from '../store/KubeObject';
import { VeleroBackupPlan } from './planVeleroBackup';
import { BackupOutcome } from './veleroBackupResult';
import { addResult, logLine, LogLevel, VeleroResults } from './veleroLog';

/**
 * What a backup left in its storage location: the objects of
 * `<backup>.tar.gz` (Velero writes every item as the API server served it,
 * after the backup item actions), the lines of `<backup>-logs.gz` and
 * `<backup>-results.gz`. Kept outside the Backup object, which carries none
 * of it, as Velero keeps them in the bucket.
 */
export type BackupArchive = {
  backupName: string;
  items: KubeObject[];
  log: string[];
  results: VeleroResults;
};

const VOLUME_SNAPSHOT_NAME = 'velero.io/volume-snapshot-name';
const SNAPSHOT_API = 'snapshot.storage.k8s.io/v1';

/** `group/version/Kind`, or `v1/Kind` for the core group: Velero's resourceKey. */
export function resourceKey(o: KubeObject): string {
  return `${o.apiVersion}/${o.kind}`;
}

/**
 * `<backup>-resource-list.json.gz`: resource key → sorted `namespace/name`
 * (cluster-scoped: `name`) of every item in the backup (Request.BackupResourceList).
 */
export function backupResourceList(
  items: KubeObject[],
): Record<string, string[]> {
  const list: Record<string, string[]> = {};
  for (const item of items) {
    const entry = item.metadata.namespace
      ? `${item.metadata.namespace}/${item.metadata.name}`
      : item.metadata.name;
    (list[resourceKey(item)] ??= []).push(entry);
  }
  for (const entries of Object.values(list)) entries.sort();
  return list;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/**
 * The CSI PVC action (backup/actions/csi/pvc_action.go): a VolumeSnapshot
 * `velero-<pvc>-<suffix>` with the PVC's labels and the backup name, its
 * bound content, and the PVC as written to the tarball, labelled and
 * annotated with the snapshot's name.
 */
function snapshotItems(
  backup: KubeObject,
  claim: KubeObject,
  plan: VeleroBackupPlan,
  pv: KubeObject | undefined,
  taken: string,
  failed: boolean,
) {
  const backupName = backup.metadata.name;
  const namespace = claim.metadata.namespace!;
  const vsName = `velero-${claim.metadata.name}-${generatedSuffix(
    `${backupName}/${namespace}/${claim.metadata.name}`,
  )}`;
  const vsUid = uidFor(`volumesnapshot/${backupName}/${namespace}/${vsName}`);
  const contentName = `snapcontent-${vsUid}`;
  const driver = plan.snapshotClass?.driver ?? pv?.spec?.csi?.driver ?? '';
  const handle = `0001-0009-rook-ceph-0000000000000002-${hexFor(
    `snapshot/${vsUid}`,
    32,
  )}`;
  const size =
    claim.status?.capacity?.storage ?? claim.spec?.resources?.requests?.storage;
  const pvc = clone(claim);
  pvc.metadata.labels = {
    ...pvc.metadata.labels,
    [VOLUME_SNAPSHOT_NAME]: vsName,
    'velero.io/backup-name': backupName,
  };
  pvc.metadata.annotations = {
    ...pvc.metadata.annotations,
    [VOLUME_SNAPSHOT_NAME]: vsName,
    'backup.velero.io/must-include-additional-items': 'true',
  };
  const snapshotError = failed
    ? {
        message: `Failed to check and update snapshot content: failed to take snapshot of the volume ${
          pv?.spec?.csi?.volumeHandle ?? ''
        }: "rpc error: code = Internal desc = rbd: image snapshot create failed: context deadline exceeded"`,
        time: taken,
      }
    : undefined;
  const volumeSnapshot = object(
    SNAPSHOT_API,
    'VolumeSnapshot',
    vsName,
    namespace,
    {
      meta: {
        uid: vsUid,
        creationTimestamp: taken,
        generateName: `velero-${claim.metadata.name}-`,
      },
      labels: {
        ...claim.metadata.labels,
        'velero.io/backup-name': backupName,
      },
      annotations: {
        'velero.io/csi-volumesnapshot-handle': handle,
        'velero.io/csi-driver-name': driver,
      },
      spec: {
        source: { persistentVolumeClaimName: claim.metadata.name },
        volumeSnapshotClassName: plan.snapshotClass?.metadata.name,
      },
      status: failed
        ? {
            boundVolumeSnapshotContentName: contentName,
            readyToUse: false,
            error: snapshotError,
          }
        : {
            boundVolumeSnapshotContentName: contentName,
            creationTime: taken,
            readyToUse: true,
            restoreSize: size,
          },
    },
  );
  const content = object(
    SNAPSHOT_API,
    'VolumeSnapshotContent',
    contentName,
    undefined,
    {
      meta: {
        uid: uidFor(`volumesnapshotcontent/${contentName}`),
        creationTimestamp: taken,
      },
      labels: { 'velero.io/backup-name': backupName },
      spec: {
        // The VolumeSnapshot action sets Retain, so that deleting the
        // VolumeSnapshot keeps the snapshot for a restore.
        deletionPolicy: 'Retain',
        driver,
        source: { volumeHandle: pv?.spec?.csi?.volumeHandle },
        volumeSnapshotClassName: plan.snapshotClass?.metadata.name,
        volumeSnapshotRef: {
          apiVersion: SNAPSHOT_API,
          kind: 'VolumeSnapshot',
          name: vsName,
          namespace,
          uid: vsUid,
        },
      },
      status: failed
        ? { readyToUse: false, error: snapshotError }
        : {
            snapshotHandle: handle,
            readyToUse: true,
            restoreSize: 10_737_418_240,
            creationTime: Date.parse(taken) * 1_000_000,
          },
    },
  );
  return { pvc, volumeSnapshot, content, vsName };
}

function groupResource(o: KubeObject, plural: string): string {
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
  return group ? `${plural}.${group}` : plural;
}

type Snapshot = ReturnType<typeof snapshotItems>;

/**
 * The warnings and errors the backup logged, as many as its status counts:
 * a PVC without a VolumeSnapshotClass, a VolumeSnapshot that failed, a
 * snapshot controller retry.
 */
function resultMessages(
  backup: KubeObject,
  plan: VeleroBackupPlan,
  snapshots: Snapshot[],
  failedSnapshots: number,
): Array<{ level: 'warning' | 'error'; namespace: string; message: string }> {
  const errors = plan.unsnapshottableClaims.map(c => ({
    namespace: c.metadata.namespace ?? '',
    message: `error executing custom action (groupResource=persistentvolumeclaims, namespace=${
      c.metadata.namespace
    }, name=${
      c.metadata.name
    }): rpc error: code = Unknown desc = failed to get VolumeSnapshotClass for StorageClass ${
      c.spec?.storageClassName
    }: failed to get VolumeSnapshotClass for provisioner ${
      c.metadata.annotations?.['volume.kubernetes.io/storage-provisioner'] ?? ''
    }, ensure that the desired VolumeSnapshot class has the velero.io/csi-volumesnapshot-class label`,
  }));
  for (const s of snapshots.slice(snapshots.length - failedSnapshots))
    errors.push({
      namespace: s.volumeSnapshot.metadata.namespace ?? '',
      message: `Operation for volumesnapshots.snapshot.storage.k8s.io ${s.volumeSnapshot.metadata.namespace}/${s.vsName} failed: ${s.volumeSnapshot.status.error.message}`,
    });
  const errorCount = backup.status?.errors ?? errors.length;
  while (errors.length < errorCount)
    errors.push({
      namespace: '',
      message: 'error backing up item: context deadline exceeded',
    });
  const warnings = Array.from(
    { length: backup.status?.warnings ?? 0 },
    (_, i) => {
      const s = snapshots[i % Math.max(snapshots.length, 1)];
      return s
        ? {
            namespace: s.volumeSnapshot.metadata.namespace ?? '',
            message:
              'VolumeSnapshot has a temporary error Failed to check and update snapshot content: the object has been modified; please apply your changes to the latest version and try again. Snapshot controller will retry later.',
          }
        : {
            namespace: '',
            message: "Cannot find resource 'events.events.k8s.io'.",
          };
    },
  );
  return [
    ...warnings.map(w => ({ level: 'warning' as const, ...w })),
    ...errors
      .slice(0, Math.max(errorCount, 0))
      .map(e => ({ level: 'error' as const, ...e })),
  ];
}

/**
 * The archive of a backup that reached Completed or PartiallyFailed (a
 * Failed upload leaves none): what its plan selected, with the snapshot
 * action's changes and objects, and a log and results that agree with the
 * Backup's status (`errors`, `warnings`).
 */
export function buildBackupArchive(
  backup: KubeObject,
  plan: VeleroBackupPlan,
  outcome: BackupOutcome,
  pluralOf: (o: KubeObject) => string,
): BackupArchive {
  const name = backup.metadata.name;
  const ref = `${backup.metadata.namespace}/${name}`;
  const start = Date.parse(backup.status?.startTimestamp ?? '') || Date.now();
  const end =
    Date.parse(backup.status?.completionTimestamp ?? '') || start + 90_000;
  const at = (fraction: number) =>
    isoSeconds(start + Math.floor((end - start) * Math.min(fraction, 1)));
  const failedSnapshots =
    outcome === 'PartiallyFailed' && plan.snapshotClaims.length > 0 ? 1 : 0;
  const snapshotKeys = new Map(
    plan.snapshotClaims.map((c, i) => [
      `${c.metadata.namespace}/${c.metadata.name}`,
      i,
    ]),
  );
  const findPv = (claim: KubeObject) =>
    plan.items.find(
      o =>
        o.kind === 'PersistentVolume' &&
        o.metadata.name === claim.spec?.volumeName,
    );
  const items: KubeObject[] = [];
  const snapshots: ReturnType<typeof snapshotItems>[] = [];
  for (const item of plan.items) {
    const index =
      item.kind === 'PersistentVolumeClaim'
        ? snapshotKeys.get(`${item.metadata.namespace}/${item.metadata.name}`)
        : undefined;
    if (index === undefined) {
      items.push(clone(item));
      continue;
    }
    const taken = at(0.2 + index * 0.05);
    const failed = index >= plan.snapshotClaims.length - failedSnapshots;
    const made = snapshotItems(backup, item, plan, findPv(item), taken, failed);
    snapshots.push(made);
    items.push(made.pvc);
  }
  for (const s of snapshots) items.push(s.volumeSnapshot, s.content);
  if (
    plan.snapshotClass &&
    snapshots.length > 0 &&
    !items.some(i => i.kind === 'VolumeSnapshotClass')
  )
    items.push(clone(plan.snapshotClass));

  const results: VeleroResults = { errors: {}, warnings: {} };
  const log: string[] = [];
  const line = (
    time: string,
    level: LogLevel,
    msg: string,
    source: string,
    fields: Record<string, string | number | undefined> = {},
  ) =>
    log.push(
      logLine(time, level, msg, { backup: ref, logSource: source, ...fields }),
    );
  const t0 = at(0);
  line(
    t0,
    'info',
    'Setting up backup temp file',
    'pkg/controller/backup_controller.go:663',
  );
  line(
    t0,
    'info',
    'Setting up plugin manager',
    'pkg/controller/backup_controller.go:670',
  );
  line(
    t0,
    'info',
    'Getting backup item actions',
    'pkg/controller/backup_controller.go:674',
  );
  line(
    t0,
    'info',
    'Setting up backup store to check for backup existence',
    'pkg/controller/backup_controller.go:680',
  );
  line(t0, 'info', 'Writing backup version file', 'pkg/backup/backup.go:282');
  const list = (values: string[] | undefined, empty: string) =>
    values?.length ? values.join(', ') : empty;
  const spec = backup.spec ?? {};
  line(
    t0,
    'info',
    `Including namespaces: ${list(spec.includedNamespaces, '*')}`,
    'pkg/backup/backup.go:288',
  );
  line(
    t0,
    'info',
    `Excluding namespaces: ${list(spec.excludedNamespaces, '<none>')}`,
    'pkg/backup/backup.go:289',
  );
  line(
    t0,
    'info',
    `Including resources: ${list(spec.includedResources, '*')}`,
    'pkg/util/collections/includes_excludes.go:506',
  );
  line(
    t0,
    'info',
    `Excluding resources: ${list(spec.excludedResources, '<none>')}`,
    'pkg/util/collections/includes_excludes.go:507',
  );
  line(
    t0,
    'info',
    `Backing up all volumes using pod volume backup: ${Boolean(
      spec.defaultVolumesToFsBackup,
    )}`,
    'pkg/backup/backup.go:296',
  );
  const total = items.length;
  items.forEach((item, i) => {
    const time = at(0.1 + (0.5 * i) / Math.max(total, 1));
    const fields = {
      name: item.metadata.name,
      namespace: item.metadata.namespace ?? '',
      progress: '',
      resource: groupResource(item, pluralOf(item)),
    };
    line(time, 'info', 'Processing item', 'pkg/backup/backup.go:397', fields);
    if (item.kind === 'Pod') {
      for (const phase of ['pre', 'post']) {
        const command =
          item.metadata.annotations?.[`${phase}.hook.backup.velero.io/command`];
        if (command)
          line(
            time,
            'info',
            'running exec hook',
            'pkg/podexec/pod_command_executor.go:140',
            {
              ...fields,
              hookCommand: command,
              hookContainer:
                item.metadata.annotations?.[
                  `${phase}.hook.backup.velero.io/container`
                ],
              hookName: '<from-annotation>',
              hookOnError: 'Fail',
              hookPhase: phase,
              hookSource: 'annotation',
              hookTimeout: '{30s}',
              hookType: 'exec',
            },
          );
      }
    }
    const snapshot = snapshots.find(s => s.pvc === item);
    if (snapshot)
      line(
        time,
        'info',
        `Created VolumeSnapshot ${item.metadata.namespace}/${snapshot.vsName}`,
        'pkg/backup/actions/csi/pvc_action.go:187',
        fields,
      );
    line(
      time,
      'info',
      `Backed up ${
        i + 1
      } items out of an estimated total of ${total} (estimate will change throughout the backup)`,
      'pkg/backup/backup.go:436',
      fields,
    );
  });
  for (const volume of plan.podVolumes)
    line(
      at(0.6),
      'info',
      `Pod volume backup of ${volume.pod.metadata.namespace}/${volume.pod.metadata.name}/${volume.volume} completed`,
      'pkg/podvolume/backupper.go:312',
      {
        namespace: volume.pod.metadata.namespace,
        pod: volume.pod.metadata.name,
        volume: volume.volume,
      },
    );

  line(
    at(0.6),
    'info',
    `Backed up a total of ${total} items`,
    'pkg/backup/backup.go:476',
    { progress: '' },
  );
  const messages = resultMessages(backup, plan, snapshots, failedSnapshots);
  for (const { level, namespace, message } of messages) {
    const set = level === 'warning' ? results.warnings : results.errors;
    if (namespace) addResult(set, namespace, message);
    else set.velero = [...(set.velero ?? []), message];
    line(
      at(level === 'warning' ? 0.7 : 0.8),
      level,
      message,
      level === 'warning'
        ? 'pkg/backup/actions/csi/volumesnapshot_action.go:318'
        : 'pkg/controller/backup_operations_controller.go:283',
      namespace ? { namespace } : {},
    );
  }
  line(
    at(1),
    'info',
    outcome === 'Completed'
      ? 'Backup completed'
      : 'Backup completed with errors',
    'pkg/controller/backup_controller.go:761',
  );
  return { backupName: name, items, log, results };
}
