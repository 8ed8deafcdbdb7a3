import type {
  BackupsOverview,
  ClusterOverview,
  PlatformFinding,
  Tier,
  VeleroBackup,
} from '@internal/plugin-backups-common';

const HOUR = 3600;

function veleroBackup(daysAgo: number, phase = 'Completed'): VeleroBackup {
  const start = new Date(Date.UTC(2026, 10, 23 - daysAgo, 3, 0, 0));
  const stamp = start.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return {
    name: `odoo-daily-${stamp}`,
    schedule: 'odoo-daily',
    phase,
    startTimestamp: start.toISOString(),
    completionTimestamp: new Date(start.getTime() + 95_000).toISOString(),
    expiration: new Date(start.getTime() + 168 * HOUR * 1000).toISOString(),
    errors: phase === 'Completed' ? 0 : 2,
    warnings: 0,
    itemsBackedUp: 42,
    totalItems: 42,
    csiVolumeSnapshotsAttempted: 4,
    csiVolumeSnapshotsCompleted: phase === 'Completed' ? 4 : 1,
    storageLocation: 'gcs',
  };
}

export const veleroTier: Tier = {
  kind: 'velero',
  name: 'odoo-daily',
  namespace: 'velero',
  status: 'healthy',
  component: 'Namespace business-system (app.kubernetes.io/name=odoo)',
  method: 'Velero CSI snapshot',
  destination: 'gs://hayden-velero-backups',
  schedule: '0 3 * * *',
  schedules: [
    {
      role: 'backup',
      source: 'odoo-daily',
      expression: '0 3 * * *',
      dialect: 'robfig-v3',
      description: 'At 03:00 (UTC)',
      longestIntervalSeconds: 24 * HOUR,
      nextRun: '2026-11-24T03:00:00Z',
    },
  ],
  retention: '7 days',
  lastRecoveryPoint: veleroBackup(0).startTimestamp!,
  recoveryPointBasis: 'start of backup odoo-daily-20261123030000',
  rpoTargetSeconds: 26 * HOUR,
  rpoActualSeconds: 5 * HOUR,
  reasons: [],
  findings: [],
};

export const cnpgTier: Tier = {
  kind: 'cnpg',
  name: 'odoo-pg',
  namespace: 'business-system',
  status: 'healthy',
  component: 'PostgreSQL odoo-pg',
  method: 'CNPG WAL + base backup',
  destination: 'gs://hayden-odoo-backups/base',
  schedule: 'WAL continuous, base 0 0 2 * * 0',
  schedules: [
    {
      role: 'base-backup',
      source: 'odoo-pg-weekly',
      expression: '0 0 2 * * 0',
      dialect: 'robfig-v1',
      description: 'At 02:00, only on Sunday (UTC)',
      longestIntervalSeconds: 7 * 24 * HOUR,
      nextRun: '2026-11-29T02:00:00Z',
      suspended: false,
    },
  ],
  continuous: true,
  retention: '7 days',
  lastRecoveryPoint: '2026-11-23T08:00:00Z',
  recoveryPointBasis:
    'WAL archived continuously: restorable to within archive_timeout (5 minutes) of now',
  firstRecoveryPoint: '2026-11-16T02:00:00Z',
  rpoTargetSeconds: 300,
  rpoActualSeconds: 0,
  reasons: [],
  findings: [],
};

const BSL_FINDING_ID = 'velero.bsl.unavailable:BackupStorageLocation gcs';

/** A critical Velero tier: a failed newest backup, and a copy of the BSL platform finding. */
export const failingVeleroTier: Tier = {
  ...veleroTier,
  status: 'critical',
  lastRecoveryPoint: veleroBackup(1).startTimestamp!,
  recoveryPointBasis: 'start of backup odoo-daily-20261122030000',
  reasons: [
    'The newest backup odoo-daily-20261123030000 Failed: storage: bucket does not exist',
    'BackupStorageLocation gcs: see the platform findings',
  ],
  findings: [
    {
      code: 'velero.backup.failed',
      status: 'critical',
      message:
        'The newest backup odoo-daily-20261123030000 Failed: storage: bucket does not exist',
    },
    {
      code: 'velero.bsl.unavailable',
      status: 'critical',
      message: 'BackupStorageLocation gcs: see the platform findings',
      platformFindingId: BSL_FINDING_ID,
    },
  ],
};

export const bslUnavailable: PlatformFinding = {
  id: BSL_FINDING_ID,
  code: 'velero.bsl.unavailable',
  status: 'critical',
  subject: 'BackupStorageLocation gcs',
  message:
    'BackupStorageLocation gcs is Unavailable: BackupStorageLocation "gcs" is unavailable: storage: bucket does not exist',
  affects: [{ kind: 'velero', name: 'odoo-daily' }],
};

function cluster(overrides: Partial<ClusterOverview> = {}): ClusterOverview {
  return {
    cluster: 'demo',
    tiers: [cnpgTier, veleroTier],
    coverage: [
      {
        namespace: 'business-system',
        pvc: 'odoo-filestore',
        coveredBy: [{ kind: 'velero', name: 'odoo-daily' }],
        via: [{ name: 'odoo-daily', reason: 'labels' }],
      },
    ],
    errors: [],
    platformFindings: [],
    cnpg: {
      clusters: [
        {
          name: 'odoo-pg',
          namespace: 'business-system',
          instances: 3,
          readyInstances: 3,
          phase: 'Cluster in healthy state',
          currentPrimary: 'odoo-pg-1',
          continuousArchiving: {
            status: 'True',
            reason: 'ContinuousArchivingSuccess',
          },
          firstRecoverabilityPoint: '2026-11-16T02:00:00Z',
        },
      ],
      backups: [],
      scheduledBackups: [
        { name: 'odoo-pg-weekly', cluster: 'odoo-pg', schedule: '0 0 2 * * 0' },
      ],
    },
    velero: {
      namespace: 'velero',
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
      backups: [0, 1, 2, 3, 4, 5, 6].map(days => veleroBackup(days)),
      restores: [],
      storageLocations: [],
      snapshotLocations: [],
    },
    ...overrides,
  };
}

export const healthyOverview: BackupsOverview = {
  entityRef: 'component:default/odoo',
  generatedAt: '2026-11-23T08:00:00Z',
  status: 'healthy',
  clusters: [cluster()],
  errors: [],
};

export const degradedOverview: BackupsOverview = {
  ...healthyOverview,
  status: 'critical',
  clusters: [
    cluster({
      tiers: [cnpgTier, failingVeleroTier],
      platformFindings: [bslUnavailable],
      velero: {
        ...cluster().velero!,
        backups: [veleroBackup(0, 'Failed'), veleroBackup(1)],
      },
    }),
  ],
};

export const sourceFailedOverview: BackupsOverview = {
  ...healthyOverview,
  status: 'unknown',
  clusters: [
    cluster({
      errors: [
        {
          source: 'volsync',
          message: 'Forbidden to list replicationsources',
          statusCode: 403,
          reason: 'Forbidden',
          rbac: {
            verb: 'list',
            group: 'volsync.backube',
            resource: 'replicationsources',
            namespace: 'business-system',
          },
        },
      ],
    }),
  ],
};

export const veleroMissingOverview: BackupsOverview = {
  ...healthyOverview,
  status: 'healthy',
  clusters: [
    cluster({
      tiers: [cnpgTier],
      velero: undefined,
      errors: [
        {
          source: 'velero',
          message: 'Velero is not installed on cluster "demo"',
          statusCode: 404,
          reason: 'NotInstalled',
        },
      ],
    }),
  ],
};
