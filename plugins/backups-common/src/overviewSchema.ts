import { z } from 'zod';

/** A Kubernetes-style condition, reduced to what the UI and the verdict need. */
export const conditionSchema = z.object({
  status: z.enum(['True', 'False', 'Unknown']),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
});

export const tierStatusSchema = z.enum([
  'healthy',
  'warning',
  'critical',
  'unknown',
]);

export const tierKindSchema = z.enum(['cnpg', 'velero', 'volsync']);

/** One recovery mechanism found for the entity, with its verdict. */
export const tierSchema = z.object({
  kind: tierKindSchema,
  name: z.string(),
  namespace: z.string(),
  status: tierStatusSchema,
  component: z.string(),
  method: z.string(),
  destination: z.string().optional(),
  /** Cron as configured (5 fields for Velero and VolSync, 6 for CNPG), or "continuous". */
  schedule: z.string().optional(),
  retention: z.string().optional(),
  lastRecoveryPoint: z.string().nullable(),
  /** Oldest point one could restore to, where the mechanism knows it (CNPG PITR). */
  firstRecoveryPoint: z.string().nullable().optional(),
  rpoTargetSeconds: z.number().nullable(),
  rpoActualSeconds: z.number().nullable(),
  reasons: z.array(z.string()),
});

export const coverageSchema = z.object({
  namespace: z.string(),
  pvc: z.string(),
  labels: z.record(z.string(), z.string()).optional(),
  coveredBy: z.array(z.object({ kind: tierKindSchema, name: z.string() })),
  /** How to fix a PVC that a tier was meant to cover but does not. */
  hints: z.array(z.string()).optional(),
});

export const sourceErrorSchema = z.object({
  /** e.g. "velero", "cnpg", "volsync", "flux", "external-secrets", "kubernetes" */
  source: z.string(),
  message: z.string(),
  statusCode: z.number().optional(),
  reason: z
    .enum([
      'NotInstalled',
      'Unauthorized',
      'Forbidden',
      'Timeout',
      'ServerError',
      'NotConfigured',
      'Unknown',
    ])
    .optional(),
  /** For a 403: the verb and resource that RBAC must allow. */
  rbac: z
    .object({
      verb: z.string(),
      group: z.string(),
      resource: z.string(),
      namespace: z.string().optional(),
    })
    .optional(),
});

export const veleroScheduleSchema = z.object({
  name: z.string(),
  schedule: z.string(),
  paused: z.boolean(),
  ttl: z.string().optional(),
  includedNamespaces: z.array(z.string()),
  excludedNamespaces: z.array(z.string()).optional(),
  labelSelector: z.string().optional(),
  storageLocation: z.string().optional(),
  volumeSnapshotLocations: z.array(z.string()).optional(),
  phase: z.string().optional(),
  lastBackup: z.string().optional(),
  validationErrors: z.array(z.string()).optional(),
});

export const veleroBackupSchema = z.object({
  name: z.string(),
  schedule: z.string().optional(),
  phase: z.string(),
  startTimestamp: z.string().optional(),
  completionTimestamp: z.string().optional(),
  expiration: z.string().optional(),
  errors: z.number().optional(),
  warnings: z.number().optional(),
  failureReason: z.string().optional(),
  validationErrors: z.array(z.string()).optional(),
  itemsBackedUp: z.number().optional(),
  totalItems: z.number().optional(),
  volumeSnapshotsAttempted: z.number().optional(),
  volumeSnapshotsCompleted: z.number().optional(),
  csiVolumeSnapshotsAttempted: z.number().optional(),
  csiVolumeSnapshotsCompleted: z.number().optional(),
  storageLocation: z.string().optional(),
  includedNamespaces: z.array(z.string()).optional(),
});

export const veleroRestoreSchema = z.object({
  name: z.string(),
  backupName: z.string().optional(),
  scheduleName: z.string().optional(),
  phase: z.string(),
  startTimestamp: z.string().optional(),
  completionTimestamp: z.string().optional(),
  itemsRestored: z.number().optional(),
  totalItems: z.number().optional(),
  errors: z.number().optional(),
  warnings: z.number().optional(),
  failureReason: z.string().optional(),
  namespaceMapping: z.record(z.string(), z.string()).optional(),
});

export const veleroStorageLocationSchema = z.object({
  name: z.string(),
  provider: z.string().optional(),
  bucket: z.string().optional(),
  prefix: z.string().optional(),
  default: z.boolean().optional(),
  phase: z.string().optional(),
  lastValidationTime: z.string().optional(),
  lastSyncedTime: z.string().optional(),
  message: z.string().optional(),
});

export const veleroSnapshotLocationSchema = z.object({
  name: z.string(),
  provider: z.string().optional(),
  phase: z.string().optional(),
});

export const workloadReadinessSchema = z.object({
  name: z.string(),
  ready: z.number(),
  desired: z.number(),
});

export const veleroSectionSchema = z.object({
  namespace: z.string(),
  server: z
    .object({
      deployment: workloadReadinessSchema.optional(),
      nodeAgent: workloadReadinessSchema.optional(),
      volumeSnapshotClasses: z.array(z.string()).optional(),
    })
    .optional(),
  schedules: z.array(veleroScheduleSchema),
  backups: z.array(veleroBackupSchema),
  restores: z.array(veleroRestoreSchema),
  storageLocations: z.array(veleroStorageLocationSchema),
  snapshotLocations: z.array(veleroSnapshotLocationSchema),
});

export const cnpgClusterSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  instances: z.number().optional(),
  readyInstances: z.number().optional(),
  phase: z.string().optional(),
  currentPrimary: z.string().optional(),
  continuousArchiving: conditionSchema.optional(),
  lastBackupSucceeded: conditionSchema.optional(),
  ready: conditionSchema.optional(),
  /** Where WAL and base backups go, e.g. gs://bucket/path */
  destinationPath: z.string().optional(),
  /** The Barman Cloud Plugin ObjectStore, when backups go through the plugin. */
  objectStore: z.string().optional(),
  serverName: z.string().optional(),
  firstRecoverabilityPoint: z.string().optional(),
  lastSuccessfulBackup: z.string().optional(),
  lastFailedBackup: z.string().optional(),
  recoveryWindowSource: z.enum(['objectStore', 'cluster']).optional(),
  /** Labels that reach instance pods and PVCs (spec.inheritedMetadata.labels). */
  inheritedLabels: z.record(z.string(), z.string()).optional(),
});

export const cnpgBackupSchema = z.object({
  name: z.string(),
  cluster: z.string(),
  method: z.string().optional(),
  phase: z.string().optional(),
  startedAt: z.string().optional(),
  stoppedAt: z.string().optional(),
  beginWal: z.string().optional(),
  endWal: z.string().optional(),
  backupId: z.string().optional(),
  error: z.string().optional(),
  scheduledBackup: z.string().optional(),
});

export const cnpgScheduledBackupSchema = z.object({
  name: z.string(),
  cluster: z.string(),
  schedule: z.string(),
  suspend: z.boolean().optional(),
  method: z.string().optional(),
  lastScheduleTime: z.string().optional(),
  nextScheduleTime: z.string().optional(),
});

export const cnpgSectionSchema = z.object({
  clusters: z.array(cnpgClusterSchema),
  backups: z.array(cnpgBackupSchema),
  scheduledBackups: z.array(cnpgScheduledBackupSchema),
});

export const volsyncSourceSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  sourcePVC: z.string().optional(),
  schedule: z.string().optional(),
  manual: z.string().optional(),
  repository: z.string().optional(),
  retain: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  lastSyncTime: z.string().optional(),
  lastSyncStartTime: z.string().optional(),
  lastSyncDuration: z.string().optional(),
  nextSyncTime: z.string().optional(),
  moverResult: z.string().optional(),
  moverLogs: z.string().optional(),
  synchronizing: conditionSchema.optional(),
});

export const volsyncSectionSchema = z.object({
  sources: z.array(volsyncSourceSchema),
});

export const fluxObjectSchema = z.object({
  kind: z.enum([
    'Kustomization',
    'HelmRelease',
    'OCIRepository',
    'GitRepository',
    'HelmRepository',
  ]),
  name: z.string(),
  namespace: z.string(),
  /** What the object deploys: Velero itself, or the entity's app. */
  role: z.enum(['velero', 'app']),
  ready: conditionSchema.optional(),
  suspended: z.boolean(),
  revision: z.string().optional(),
});

export const externalSecretSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  ready: conditionSchema.optional(),
  refreshTime: z.string().optional(),
  targetSecret: z.string().optional(),
});

export const fluxSectionSchema = z.object({
  objects: z.array(fluxObjectSchema),
  externalSecrets: z.array(externalSecretSchema),
});

export const clusterOverviewSchema = z.object({
  cluster: z.string(),
  tiers: z.array(tierSchema),
  coverage: z.array(coverageSchema),
  errors: z.array(sourceErrorSchema),
  velero: veleroSectionSchema.optional(),
  cnpg: cnpgSectionSchema.optional(),
  volsync: volsyncSectionSchema.optional(),
  flux: fluxSectionSchema.optional(),
});

/** The answer of `GET /api/backups/v1/entities/:namespace/:kind/:name/overview`. */
export const backupsOverviewSchema = z.object({
  entityRef: z.string(),
  generatedAt: z.string(),
  /** Overall status: the worst tier status over all clusters. */
  status: tierStatusSchema,
  clusters: z.array(clusterOverviewSchema),
  /** Errors that concern no single cluster, e.g. missing annotations. */
  errors: z.array(sourceErrorSchema),
});
