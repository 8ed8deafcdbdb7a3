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

/**
 * One observation that lowers a status. `code` is stable (see FINDING_CODES)
 * so that tests, alerts and the UI never parse `message`.
 */
export const findingSchema = z.object({
  code: z.string(),
  status: z.enum(['warning', 'critical', 'unknown']),
  message: z.string(),
  /** Set on a tier's copy of a platform finding: the `id` of that one entry. */
  platformFindingId: z.string().optional(),
});

/**
 * A cluster-wide fact about what all tiers depend on (the Velero server, a
 * BackupStorageLocation, the node agent, Flux, credentials), reported once.
 */
export const platformFindingSchema = findingSchema.extend({
  id: z.string(),
  /** What it is about, e.g. "BackupStorageLocation gcs". */
  subject: z.string(),
  /** The tiers whose status it lowers. */
  affects: z.array(z.object({ kind: tierKindSchema, name: z.string() })),
});

/** A label requirement, kept structured; the string form is only for display. */
export const labelRequirementSchema = z.object({
  key: z.string(),
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']),
  values: z.array(z.string()),
});

/** A schedule as its controller reads it, with the facts derived from it. */
export const cronInfoSchema = z.object({
  /** What it triggers: Velero backups, CNPG base backups or VolSync syncs. */
  role: z.enum(['backup', 'base-backup', 'sync']),
  /** The object that holds it, e.g. the ScheduledBackup's name. */
  source: z.string(),
  expression: z.string(),
  dialect: z.enum(['robfig-v3', 'robfig-v1']),
  /** From a CRON_TZ= prefix; absent means the controller's zone (UTC in its image). */
  timeZone: z.string().optional(),
  description: z.string().optional(),
  longestIntervalSeconds: z.number().optional(),
  nextRun: z.string().optional(),
  /** Why the controller rejects the expression, or why it never runs. */
  error: z.string().optional(),
  suspended: z.boolean().optional(),
});

/** What the newest passed restore drill of a tier proved. */
export const provenRestoreSchema = z.object({
  drillId: z.string(),
  /** When the drill ended. */
  at: z.string(),
  /** The point the restored copy reached: a Velero backup's start, or the CNPG recovery target. */
  recoveryPoint: z.string(),
  /** What was restored, e.g. the Velero backup's name. */
  source: z.string().optional(),
  /** Measured: from the restore's request to everything ready. */
  rtoSeconds: z.number(),
  /** From `backups.backstage.io/rto-target`, when set. */
  rtoTargetSeconds: z.number().optional(),
});

/** The newest restore drill of a tier, whatever its outcome. */
export const tierDrillSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  outcome: z.enum(['passed', 'failed', 'running', 'cancelled']),
  failureReason: z.string().optional(),
});

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
  /** The findings' messages, for older clients; `findings` has the codes. */
  reasons: z.array(z.string()),
  findings: z.array(findingSchema).optional(),
  /** The tier's schedules as fields (CNPG: its ScheduledBackups). */
  schedules: z.array(cronInfoSchema).optional(),
  /** CNPG: WAL goes continuously to a configured destination. */
  continuous: z.boolean().optional(),
  /** What the recovery point is taken from, e.g. "start of backup odoo-daily-20261124030000". */
  recoveryPointBasis: z.string().optional(),
  /** The newest restore drill that passed; absent when none did (or drills are off). */
  lastProvenRestore: provenRestoreSchema.optional(),
  /** The newest restore drill, e.g. one still running or one that failed. */
  lastDrill: tierDrillSchema.optional(),
});

export const coverageSchema = z.object({
  namespace: z.string(),
  pvc: z.string(),
  labels: z.record(z.string(), z.string()).optional(),
  coveredBy: z.array(z.object({ kind: tierKindSchema, name: z.string() })),
  /** How to fix a PVC that a tier was meant to cover but does not. */
  hints: z.array(z.string()).optional(),
  /** Why a Velero schedule covers it: the PVC's labels, or a selected pod that mounts it. */
  via: z
    .array(
      z.object({
        name: z.string(),
        reason: z.enum(['labels', 'pod', 'namespace']),
        pod: z.string().optional(),
      }),
    )
    .optional(),
  /** Carries `velero.io/exclude-from-backup=true`, so Velero skips it. */
  excludedFromVelero: z.boolean().optional(),
  /** Coverage could not be decided (a source was unreadable). */
  unknown: z.string().optional(),
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
      /** The backend's cache has not loaded this source yet. */
      'Pending',
      /** The cache lost its watch longer ago than the staleness bound. */
      'Stale',
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
  /** The template's labelSelector, structured; absent selects everything. */
  selector: z.array(labelRequirementSchema).optional(),
  /** Why the template's labelSelector is invalid. */
  selectorError: z.string().optional(),
  storageLocation: z.string().optional(),
  volumeSnapshotLocations: z.array(z.string()).optional(),
  phase: z.string().optional(),
  lastBackup: z.string().optional(),
  lastSkipped: z.string().optional(),
  validationErrors: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
  snapshotVolumes: z.boolean().optional(),
  defaultVolumesToFsBackup: z.boolean().optional(),
  snapshotMoveData: z.boolean().optional(),
  includedResources: z.array(z.string()).optional(),
  excludedResources: z.array(z.string()).optional(),
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
  excludedNamespaces: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
  backupItemOperationsAttempted: z.number().optional(),
  backupItemOperationsCompleted: z.number().optional(),
  backupItemOperationsFailed: z.number().optional(),
  hooksAttempted: z.number().optional(),
  hooksFailed: z.number().optional(),
  /** Completed PodVolumeBackups (file-system backup), counted only when no snapshot counter is set. */
  podVolumeBackupsCompleted: z.number().optional(),
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
  /** spec.accessMode: ReadOnly makes every new backup fail validation. */
  accessMode: z.string().optional(),
  /** spec.validationFrequency, a Go duration; absent means the server default (1m). */
  validationFrequency: z.string().optional(),
  /** The Secret holding its credentials (spec.credential.name), when not the server default. */
  credentialSecret: z.string().optional(),
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
  /** The first container's image, e.g. velero/velero:v1.15.0. */
  image: z.string().optional(),
});

export const volumeSnapshotClassSchema = z.object({
  name: z.string(),
  driver: z.string().optional(),
  /** Carries the label key velero.io/csi-volumesnapshot-class, which Velero selects by. */
  veleroLabel: z.boolean(),
});

export const veleroSectionSchema = z.object({
  namespace: z.string(),
  server: z
    .object({
      deployment: workloadReadinessSchema.optional(),
      nodeAgent: workloadReadinessSchema.optional(),
      volumeSnapshotClasses: z.array(z.string()).optional(),
      snapshotClasses: z.array(volumeSnapshotClassSchema).optional(),
      /** Whether the server Deployment was found (when the list could be read). */
      deploymentFound: z.boolean().optional(),
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
  /** The ObjectStore the plugin names does not exist. */
  objectStoreMissing: z.boolean().optional(),
  serverName: z.string().optional(),
  firstRecoverabilityPoint: z.string().optional(),
  lastSuccessfulBackup: z.string().optional(),
  lastFailedBackup: z.string().optional(),
  recoveryWindowSource: z.enum(['objectStore', 'cluster']).optional(),
  /** Where WAL goes: in-tree Barman, or a plugin; absent means nowhere. */
  walArchiver: z
    .object({
      kind: z.enum(['barmanObjectStore', 'plugin']),
      plugin: z.string().optional(),
    })
    .optional(),
  /** archive_timeout in seconds (CNPG's default is 5 minutes). */
  archiveTimeoutSeconds: z.number().optional(),
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
  paused: z.boolean().optional(),
  copyMethod: z.string().optional(),
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
  generation: z.number().optional(),
  observedGeneration: z.number().optional(),
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

/** Where the backend's answer for one kind comes from, and how fresh it is. */
export const dataSourceSchema = z.object({
  /** `<plural>.<group>`, e.g. `backups.velero.io`; `pods` for core kinds. */
  kind: z.string(),
  /** The namespace it is kept for; all of them when absent. */
  namespace: z.string().optional(),
  /** `watch`: kept current by a watch; `poll`: listed at an interval; `list`: read per request. */
  mode: z.enum(['watch', 'poll', 'list']),
  state: z.enum(['ready', 'warming', 'stale', 'error']),
  /** When the data last matched the API server. */
  syncedAt: z.string().optional(),
  message: z.string().optional(),
});

export const clusterOverviewSchema = z.object({
  cluster: z.string(),
  /**
   * What the backend knows of each kind it reads from this cluster (a
   * watch-fed cache); absent when every request lists.
   */
  sources: z.array(dataSourceSchema).optional(),
  tiers: z.array(tierSchema),
  coverage: z.array(coverageSchema),
  errors: z.array(sourceErrorSchema),
  /** Cluster-wide findings, reported once; tiers point to them. */
  platformFindings: z.array(platformFindingSchema).optional(),
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
