import type {
  BackupsOverview,
  ClusterOverview,
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
  retention: '7 days',
  lastRecoveryPoint: veleroBackup(0).completionTimestamp!,
  rpoTargetSeconds: 26 * HOUR,
  rpoActualSeconds: 5 * HOUR,
  reasons: [],
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
  retention: '7 days',
  lastRecoveryPoint: '2026-11-23T08:00:00Z',
  firstRecoveryPoint: '2026-11-16T02:00:00Z',
  rpoTargetSeconds: 300,
  rpoActualSeconds: 0,
  reasons: [],
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
      },
    ],
    errors: [],
    velero: {
      namespace: 'velero',
      schedules: [],
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
      tiers: [
        cnpgTier,
        {
          ...veleroTier,
          status: 'critical',
          reasons: [
            'Newest backup odoo-daily-20261123030000 Failed',
            'BackupStorageLocation gcs is Unavailable',
          ],
        },
      ],
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
