import { DateTime } from 'luxon';
import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { VerdictOptions } from '../VerdictOptions';

export const NOW = DateTime.fromISO('2026-11-24T08:00:00Z', { zone: 'utc' });

const at = (iso: string) => iso;

function dailyBackup(day: number, phase = 'Completed') {
  const start = NOW.set({ hour: 3, minute: 0 }).minus({ days: day });
  return {
    name: `odoo-daily-${start.toFormat('yyyyLLddHHmmss')}`,
    schedule: 'odoo-daily',
    phase,
    startTimestamp: start.toISO({ suppressMilliseconds: true })!,
    completionTimestamp: start
      .plus({ seconds: 95 })
      .toISO({ suppressMilliseconds: true })!,
    errors: phase === 'Completed' ? 0 : 1,
    storageLocation: 'gcs',
  };
}

export { dailyBackup };

/** The seed deployment in good health, as the readers would report it. */
export function healthySnapshot(): ClusterSnapshot {
  return {
    target: {
      cluster: 'demo',
      namespace: 'business-system',
      labelSelector: 'app.kubernetes.io/name=odoo',
      pinned: {},
    },
    velero: {
      namespace: 'velero',
      server: {
        deployment: { name: 'velero', ready: 1, desired: 1 },
        nodeAgent: { name: 'node-agent', ready: 3, desired: 3 },
        volumeSnapshotClasses: ['csi-ceph-blockpool'],
      },
      schedules: [
        {
          name: 'odoo-daily',
          schedule: '0 3 * * *',
          paused: false,
          ttl: '168h0m0s',
          includedNamespaces: ['business-system'],
          labelSelector: 'app.kubernetes.io/name=odoo',
          storageLocation: 'gcs',
          phase: 'Enabled',
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
          phase: 'Available',
          lastValidationTime: at('2026-11-24T07:59:00Z'),
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
          serverName: 'odoo-pg',
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
          moverResult: 'Successful',
          synchronizing: { status: 'False', reason: 'WaitingForSchedule' },
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
          ready: { status: 'True', reason: 'UpgradeSucceeded' },
        },
      ],
      externalSecrets: [
        {
          name: 'velero-gcs',
          namespace: 'velero',
          ready: { status: 'True', reason: 'SecretSynced' },
        },
      ],
    },
    pvcs: [
      {
        name: 'odoo-filestore',
        namespace: 'business-system',
        labels: { 'app.kubernetes.io/name': 'odoo' },
      },
      ...[1, 2, 3].map(i => ({
        name: `odoo-pg-${i}`,
        namespace: 'business-system',
        labels: {
          'app.kubernetes.io/name': 'odoo',
          'cnpg.io/cluster': 'odoo-pg',
        },
      })),
    ],
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

/** Seed §3.1: the PVC labels without app.kubernetes.io/name. */
export function stripAppLabel(
  labels: Record<string, string>,
): Record<string, string> {
  const { 'app.kubernetes.io/name': _app, ...rest } = labels;
  return rest;
}
