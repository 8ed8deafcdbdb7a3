import type { VeleroBackup } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { VerdictOptions } from '../VerdictOptions';

export const NOW = DateTime.fromISO('2026-11-24T08:00:00Z', { zone: 'utc' });

const iso = (t: DateTime) => t.toUTC().toISO({ suppressMilliseconds: true })!;

/**
 * A scheduled run `day` days back, shaped as Velero 1.15 leaves it: created
 * at the 03:00 tick, started a second later, completed by the finalizer; 0
 * counters are absent (omitempty). The filestore went to file-system backup
 * (the pod's backup-volumes annotation), the three CNPG PVCs to CSI snapshots.
 */
export function dailyBackup(day: number, phase = 'Completed'): VeleroBackup {
  const created = NOW.set({ hour: 3, minute: 0, second: 0 }).minus({
    days: day,
  });
  const name = `odoo-daily-${created.toFormat('yyyyLLddHHmmss')}`;
  const base: VeleroBackup = {
    name,
    schedule: 'odoo-daily',
    phase,
    createdAt: iso(created),
    expiration: iso(created.plus({ days: 7 })),
    storageLocation: 'gcs',
    includedNamespaces: ['business-system'],
  };
  if (phase === 'FailedValidation')
    return {
      ...base,
      validationErrors: [
        'backup storage location gcs is currently in read-only mode',
      ],
    };
  const started = {
    ...base,
    startTimestamp: iso(created.plus({ seconds: 1 })),
  };
  if (phase === 'Failed')
    // runBackup returned early (upload failed): no completionTimestamp.
    return {
      ...started,
      errors: 1,
      failureReason: "storage: bucket doesn't exist",
    };
  if (!['Completed', 'PartiallyFailed'].includes(phase)) return started;
  return {
    ...started,
    completionTimestamp: iso(created.plus({ seconds: 96 })),
    itemsBackedUp: 42,
    totalItems: 42,
    csiVolumeSnapshotsAttempted: 3,
    csiVolumeSnapshotsCompleted: phase === 'Completed' ? 3 : 2,
    backupItemOperationsAttempted: 3,
    backupItemOperationsCompleted: phase === 'Completed' ? 3 : 2,
    hooksAttempted: 2,
    ...(phase === 'PartiallyFailed'
      ? { errors: 1, backupItemOperationsFailed: 1 }
      : {}),
  };
}

/** The seed deployment in good health, as the readers would report it. */
export function healthySnapshot(): ClusterSnapshot {
  return {
    target: {
      cluster: 'demo',
      namespace: 'business-system',
      labelSelector: {
        requirements: [
          { key: 'app.kubernetes.io/name', operator: 'In', values: ['odoo'] },
        ],
      },
      pinned: {},
    },
    velero: {
      namespace: 'velero',
      server: {
        deployment: {
          name: 'velero',
          ready: 1,
          desired: 1,
          image: 'velero/velero:v1.15.0',
        },
        deploymentFound: true,
        nodeAgent: { name: 'node-agent', ready: 3, desired: 3 },
        volumeSnapshotClasses: ['csi-ceph-blockpool'],
        snapshotClasses: [
          {
            name: 'csi-ceph-blockpool',
            driver: 'rook-ceph.rbd.csi.ceph.com',
            veleroLabel: true,
          },
        ],
      },
      schedules: [
        {
          name: 'odoo-daily',
          schedule: '0 3 * * *',
          paused: false,
          ttl: '168h0m0s',
          includedNamespaces: ['business-system'],
          labelSelector: 'app.kubernetes.io/name=odoo',
          selector: [
            { key: 'app.kubernetes.io/name', operator: 'In', values: ['odoo'] },
          ],
          storageLocation: 'gcs',
          snapshotVolumes: true,
          phase: 'Enabled',
          lastBackup: '2026-11-24T03:00:00Z',
          createdAt: '2026-09-01T10:00:00Z',
        },
      ],
      backups: [0, 1, 2, 3, 4, 5, 6].map(d => dailyBackup(d)),
      restores: [],
      storageLocations: [
        {
          name: 'gcs',
          provider: 'gcp',
          bucket: 'hayden-velero-backups',
          default: true,
          accessMode: 'ReadWrite',
          credentialSecret: 'velero-gcs',
          phase: 'Available',
          lastValidationTime: '2026-11-24T07:59:20Z',
        },
      ],
      snapshotLocations: [
        { name: 'csi-ceph-blockpool', provider: 'velero.io/csi' },
      ],
    },
    cnpg: {
      clusters: [
        {
          name: 'odoo-pg',
          namespace: 'business-system',
          instances: 3,
          readyInstances: 3,
          phase: 'Cluster in healthy state',
          continuousArchiving: {
            status: 'True',
            reason: 'ContinuousArchivingSuccess',
            lastTransitionTime: '2026-11-01T00:00:00Z',
          },
          lastBackupSucceeded: {
            status: 'True',
            reason: 'LastBackupSucceeded',
          },
          ready: { status: 'True' },
          destinationPath: 'gs://hayden-odoo-backups/base',
          objectStore: 'odoo-objstore',
          objectStoreMissing: false,
          serverName: 'odoo-pg',
          walArchiver: {
            kind: 'plugin',
            plugin: 'barman-cloud.cloudnative-pg.io',
          },
          archiveTimeoutSeconds: 300,
          // With the plugin these come from the ObjectStore's serverRecoveryWindow.
          firstRecoverabilityPoint: '2026-11-15T02:00:00Z',
          lastSuccessfulBackup: '2026-11-22T02:06:12Z',
          recoveryWindowSource: 'objectStore',
          inheritedLabels: { 'app.kubernetes.io/name': 'odoo' },
        },
      ],
      backups: [],
      scheduledBackups: [
        {
          name: 'odoo-pg-weekly',
          cluster: 'odoo-pg',
          schedule: '0 0 2 * * 0',
          suspend: false,
          method: 'plugin',
        },
      ],
    },
    volsync: {
      sources: [
        {
          name: 'odoo-filestore',
          namespace: 'business-system',
          sourcePVC: 'odoo-filestore',
          schedule: '0 4 * * *',
          repository: 'odoo-filestore-restic',
          retain: { daily: 7, weekly: 4, monthly: 3 },
          lastSyncTime: '2026-11-24T04:02:41Z',
          lastSyncDuration: '2m40s',
          nextSyncTime: '2026-11-25T04:00:00Z',
          moverResult: 'Successful',
          synchronizing: { status: 'False', reason: 'WaitingForSchedule' },
          paused: false,
        },
      ],
    },
    flux: {
      objects: [
        {
          kind: 'HelmRelease',
          name: 'velero',
          namespace: 'velero',
          role: 'velero',
          suspended: false,
          generation: 4,
          observedGeneration: 4,
          ready: {
            status: 'True',
            reason: 'UpgradeSucceeded',
            lastTransitionTime: '2026-11-02T10:00:00Z',
          },
        },
      ],
      externalSecrets: [
        {
          name: 'velero-gcs',
          namespace: 'velero',
          targetSecret: 'velero-gcs',
          ready: { status: 'True', reason: 'SecretSynced' },
        },
      ],
    },
    pvcs: [
      {
        name: 'odoo-filestore',
        namespace: 'business-system',
        labels: { 'app.kubernetes.io/name': 'odoo' },
        storageClassName: 'ceph-block',
      },
      ...[1, 2, 3].map(i => ({
        name: `odoo-pg-${i}`,
        namespace: 'business-system',
        labels: {
          'app.kubernetes.io/name': 'odoo',
          'cnpg.io/cluster': 'odoo-pg',
        },
        storageClassName: 'ceph-block',
      })),
    ],
    pods: [
      {
        name: 'odoo-7d9f8b6c5d-x2k8p',
        labels: {
          'app.kubernetes.io/name': 'odoo',
          'app.kubernetes.io/instance': 'odoo',
        },
        claimNames: ['odoo-filestore'],
        fsBackupClaims: ['odoo-filestore'],
      },
      ...[1, 2, 3].map(i => ({
        name: `odoo-pg-${i}`,
        labels: {
          'app.kubernetes.io/name': 'odoo',
          'cnpg.io/cluster': 'odoo-pg',
        },
        claimNames: [`odoo-pg-${i}`],
        fsBackupClaims: [],
      })),
    ],
    namespaceLabels: { 'kubernetes.io/metadata.name': 'business-system' },
    storageClasses: [
      { name: 'ceph-block', provisioner: 'rook-ceph.rbd.csi.ceph.com' },
    ],
    unread: [],
    errors: [],
  };
}

export const options: VerdictOptions = {
  now: NOW,
  graceSeconds: 7200,
  pitrTargetSeconds: 300,
  configTargets: {},
  annotationTargets: {},
};

/** Seed §3.1: labels without app.kubernetes.io/name. */
export function stripAppLabel(
  labels: Record<string, string>,
): Record<string, string> {
  const { 'app.kubernetes.io/name': _app, ...rest } = labels;
  return rest;
}

/**
 * Seed §3.1 as deployed: the PVCs and the CNPG cluster lack the app label,
 * while Odoo's own pod (from its Helm chart) carries it.
 */
export function seedSection31Snapshot(): ClusterSnapshot {
  const snapshot = healthySnapshot();
  snapshot.pvcs = snapshot.pvcs!.map(p => ({
    ...p,
    labels: stripAppLabel(p.labels),
  }));
  snapshot.pods = snapshot.pods!.map(p =>
    p.name.startsWith('odoo-pg')
      ? { ...p, labels: stripAppLabel(p.labels) }
      : p,
  );
  return snapshot;
}
