/**
 * Every finding code the backend emits, with what it means. Codes are stable:
 * alerts, tests and the tab match on them, never on the message text.
 */
export const FINDING_CODES = {
  'velero.schedule.paused': 'The schedule is paused: no new backups are taken.',
  'velero.schedule.failedValidation':
    'Velero rejected the schedule (phase FailedValidation).',
  'velero.schedule.cronInvalid':
    "robfig/cron v3 cannot parse the schedule's cron expression.",
  'velero.schedule.neverRuns':
    'The cron expression is valid but names no date that exists.',
  'velero.schedule.nameTooLong':
    'The schedule name is longer than 63 characters, so its backups are rejected by the API server.',
  'velero.schedule.pending':
    'The schedule is younger than one interval plus grace and has not run yet.',
  'velero.schedule.selectorInvalid':
    "The schedule's labelSelector is not a valid selector.",
  'velero.schedule.globNotExpanded':
    'Velero before 1.18 passes include patterns other than * literally, so the backup holds nothing.',
  'velero.namespace.excluded':
    'The namespace carries velero.io/exclude-from-backup=true, or the backup excludes it.',
  'velero.backup.failed': 'The newest finished backup Failed.',
  'velero.backup.failedValidation':
    'The newest backup failed validation and never ran.',
  'velero.backup.partiallyFailed':
    'The newest finished backup only partly succeeded.',
  'velero.backup.notNewest':
    'The last restorable backup is not the newest run.',
  'velero.backup.onlyPartial':
    'The only recovery point is a PartiallyFailed backup.',
  'velero.backup.none': 'No backup of this schedule is restorable.',
  'velero.backup.noVolumeData':
    'The backup holds no volume data although the namespace has PVCs.',
  'velero.backup.itemOperationsFailed':
    'Asynchronous item operations (snapshots, data movement) failed.',
  'velero.backup.hooksFailed': 'Backup hooks failed.',
  'velero.backup.errors': 'The backup log has errors.',
  'velero.backup.warnings': 'The backup log has warnings.',
  'velero.coverage.selectorMatchesNoPvc':
    'The label selector selects no PVC and no pod that mounts one.',
  'velero.rpo.exceeded': 'The last good backup is older than the RPO target.',
  'velero.rpo.noTarget': 'No RPO target could be derived.',
  'velero.source.unreadable': 'Objects this verdict needs could not be read.',
  'velero.server.missing':
    'The Velero server Deployment does not exist: no schedule fires.',
  'velero.server.notReady':
    'The Velero server has no ready replica: no schedule fires.',
  'velero.server.degraded':
    'The Velero server has fewer ready replicas than desired.',
  'velero.nodeAgent.notReady':
    'The node agent is not ready on every node: file-system backups and data movement may fail.',
  'velero.bsl.missing':
    'The BackupStorageLocation the schedule uses does not exist.',
  'velero.bsl.unavailable': 'The BackupStorageLocation is Unavailable.',
  'velero.bsl.readOnly':
    'The BackupStorageLocation is ReadOnly: every new backup fails validation.',
  'velero.bsl.notValidated':
    'The BackupStorageLocation has not been validated for much longer than its validation frequency.',
  'velero.csi.noSnapshotClass':
    "No VolumeSnapshotClass for the PVC's CSI driver carries Velero's label.",
  'flux.velero.notReady': 'The Flux object that deploys Velero is not Ready.',
  'flux.velero.suspended': 'The Flux object that deploys Velero is suspended.',
  'flux.velero.stale':
    'The Flux object that deploys Velero has not reconciled its latest spec.',
  'flux.velero.progressing':
    'The Flux object that deploys Velero has been progressing for too long.',
  'secrets.bslCredential.notSynced':
    "The ExternalSecret behind the BackupStorageLocation's credential is not synced.",
  'cnpg.wal.noDestination':
    'No WAL archive destination is configured: recovery is only to the last base backup.',
  'cnpg.wal.failing': 'WAL archiving is failing.',
  'cnpg.wal.conditionMissing':
    'The cluster reports no ContinuousArchiving condition.',
  'cnpg.objectStore.missing':
    'The Barman Cloud ObjectStore the cluster archives to does not exist.',
  'cnpg.baseBackup.none': 'No base backup is in the recovery window.',
  'cnpg.baseBackup.failed': 'The last base backup failed.',
  'cnpg.baseBackup.stale':
    'The last base backup is older than its schedule allows.',
  'cnpg.scheduledBackup.none':
    'No ScheduledBackup: base backups are not taken on a schedule.',
  'cnpg.scheduledBackup.suspended': 'The ScheduledBackup is suspended.',
  'cnpg.scheduledBackup.cronInvalid':
    'robfig/cron v1 cannot parse the ScheduledBackup schedule.',
  'cnpg.cluster.notReady': 'The cluster is not Ready.',
  'cnpg.rpo.exceeded':
    'The newest recovery point is older than the RPO target.',
  'cnpg.rpo.noTarget': 'No RPO target could be derived.',
  'cnpg.source.unreadable': 'Objects this verdict needs could not be read.',
  'volsync.sync.never': 'The source has never completed a sync.',
  'volsync.mover.failed': 'The last mover run failed.',
  'volsync.sync.error': 'The Synchronizing condition reports an error.',
  'volsync.sync.overdue': 'A scheduled sync was missed.',
  'volsync.paused': 'The source is paused: syncs start but never finish.',
  'volsync.schedule.cronInvalid':
    'robfig/cron v3 cannot parse the trigger schedule.',
  'volsync.rpo.exceeded': 'The last synced data is older than the RPO target.',
  'volsync.rpo.noTarget': 'No RPO target could be derived.',
  'drill.none':
    'The tier is drilled on a schedule, but no restore drill passed within backups.drills.window.',
  'drill.failed':
    'The newest finished restore drill failed, and no later drill passed.',
  'drill.rto.exceeded':
    'The newest passed drill took longer to restore than the RTO target.',
} as const;

/** A stable finding code. */
export type FindingCode = keyof typeof FINDING_CODES;
