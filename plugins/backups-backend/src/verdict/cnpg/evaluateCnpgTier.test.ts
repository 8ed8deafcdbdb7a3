import { codesOf, tierOf } from '../__fixtures__/evaluate';
import { healthySnapshot, NOW, options } from '../__fixtures__/healthySnapshot';

function snapshotWith(change: (c: ReturnType<typeof cluster>) => void) {
  const snapshot = healthySnapshot();
  change(snapshot.cnpg!.clusters[0]);
  return snapshot;
}
function cluster() {
  return healthySnapshot().cnpg!.clusters[0];
}

describe('evaluateCnpgTier', () => {
  it('is restorable to within archive_timeout of now when WAL goes to a configured destination', () => {
    const tier = tierOf('cnpg');
    expect(tier.status).toBe('healthy');
    expect(tier.continuous).toBe(true);
    expect(tier.lastRecoveryPoint).toBe(
      NOW.minus({ minutes: 5 }).toISO({ suppressMilliseconds: true }),
    );
    expect(tier.rpoActualSeconds).toBe(300);
    expect(tier.recoveryPointBasis).toMatch(
      /within archive_timeout \(5 minutes\) of now/,
    );
    expect(tier.recoveryPointBasis).toMatch(/newest base backup 2 days ago/);
    expect(tier.firstRecoveryPoint).toBe('2026-11-15T02:00:00Z');
  });

  it('gives the base-backup schedule as fields, read with seconds first (robfig/cron v1)', () => {
    expect(tierOf('cnpg').schedules).toEqual([
      expect.objectContaining({
        role: 'base-backup',
        source: 'odoo-pg-weekly',
        expression: '0 0 2 * * 0',
        dialect: 'robfig-v1',
        description: 'At 02:00, only on Sunday (UTC)',
        longestIntervalSeconds: 7 * 86400,
        suspended: false,
      }),
    ]);
    // Five fields are sec..month: "0 0 2 * *" is daily at 02:00:00, not monthly.
    const daily = healthySnapshot();
    daily.cnpg!.scheduledBackups[0].schedule = '0 0 2 * *';
    expect(tierOf('cnpg', daily).schedules![0].longestIntervalSeconds).toBe(
      86400,
    );
  });

  it('misses the PITR target when archive_timeout is longer than it', () => {
    const tier = tierOf(
      'cnpg',
      snapshotWith(c => (c.archiveTimeoutSeconds = 3600)),
    );
    expect(codesOf(tier)).toEqual(['cnpg.rpo.exceeded:critical']);
  });

  it('does not trust ContinuousArchiving=True without a WAL destination', () => {
    const tier = tierOf(
      'cnpg',
      snapshotWith(c => (c.walArchiver = undefined)),
    );
    expect(tier.continuous).toBe(false);
    expect(tier.lastRecoveryPoint).toBe('2026-11-22T02:06:12Z');
    expect(codesOf(tier)).toEqual([
      'cnpg.wal.noDestination:warning',
      'cnpg.rpo.exceeded:critical',
    ]);
    expect(tier.reasons[0]).toMatch(/ContinuousArchiving=True proves nothing/);
  });

  it('is critical when WAL archiving fails, from when it started failing', () => {
    const tier = tierOf(
      'cnpg',
      snapshotWith(c => {
        c.continuousArchiving = {
          status: 'False',
          reason: 'ContinuousArchivingFailing',
          message: 'googleapi: Error 403: forbidden',
          lastTransitionTime: '2026-11-23T22:00:00Z',
        };
      }),
    );
    expect(tier.status).toBe('critical');
    expect(tier.lastRecoveryPoint).toBe('2026-11-23T22:00:00Z');
    expect(codesOf(tier)).toEqual([
      'cnpg.wal.failing:critical',
      'cnpg.rpo.exceeded:critical',
    ]);
    expect(tier.reasons[0]).toMatch(/Error 403/);
  });

  it('is unknown, never healthy, without the ContinuousArchiving condition', () => {
    const tier = tierOf(
      'cnpg',
      snapshotWith(c => (c.continuousArchiving = undefined)),
    );
    expect(codesOf(tier)).toContain('cnpg.wal.conditionMissing:unknown');
    expect(tier.status).not.toBe('healthy');
  });

  it('is critical without a base backup in the window, and unknown when the ObjectStore is unreadable', () => {
    const none = tierOf(
      'cnpg',
      snapshotWith(c => (c.firstRecoverabilityPoint = undefined)),
    );
    expect(codesOf(none)).toEqual(['cnpg.baseBackup.none:critical']);
    expect(none.lastRecoveryPoint).toBeNull();
    const unread = snapshotWith(c => (c.firstRecoverabilityPoint = undefined));
    unread.unread = ['cnpg.objectStores'];
    expect(codesOf(tierOf('cnpg', unread))).toEqual([
      'cnpg.source.unreadable:unknown',
    ]);
  });

  it('is critical when the ObjectStore the plugin names does not exist', () => {
    const tier = tierOf(
      'cnpg',
      snapshotWith(c => (c.objectStoreMissing = true)),
    );
    expect(codesOf(tier)).toContain('cnpg.objectStore.missing:critical');
  });

  it('reads LastBackupSucceeded=False/BackupStarted as a running backup, LastBackupFailed as a failure', () => {
    const running = snapshotWith(
      c =>
        (c.lastBackupSucceeded = { status: 'False', reason: 'BackupStarted' }),
    );
    expect(tierOf('cnpg', running).status).toBe('healthy');
    const failed = snapshotWith(
      c =>
        (c.lastBackupSucceeded = {
          status: 'False',
          reason: 'LastBackupFailed',
          message: 'barman-cloud-backup exit 1',
        }),
    );
    expect(codesOf(tierOf('cnpg', failed))).toEqual([
      'cnpg.baseBackup.failed:warning',
    ]);
    const later = snapshotWith(
      c => (c.lastFailedBackup = '2026-11-23T02:00:00Z'),
    );
    expect(codesOf(tierOf('cnpg', later))).toEqual([
      'cnpg.baseBackup.failed:warning',
    ]);
  });

  it('warns when base backups are unscheduled, suspended, or behind their schedule', () => {
    const none = healthySnapshot();
    none.cnpg!.scheduledBackups = [];
    expect(codesOf(tierOf('cnpg', none))).toEqual([
      'cnpg.scheduledBackup.none:warning',
    ]);
    const suspended = healthySnapshot();
    suspended.cnpg!.scheduledBackups[0].suspend = true;
    expect(codesOf(tierOf('cnpg', suspended))).toEqual([
      'cnpg.scheduledBackup.suspended:warning',
    ]);
    const daily = healthySnapshot();
    daily.cnpg!.scheduledBackups[0].schedule = '0 0 2 * * *';
    expect(codesOf(tierOf('cnpg', daily))).toEqual([
      'cnpg.baseBackup.stale:warning',
    ]);
    const unread = healthySnapshot();
    unread.cnpg!.scheduledBackups = [];
    unread.unread = ['cnpg.scheduledBackups'];
    expect(codesOf(tierOf('cnpg', unread))).toEqual([
      'cnpg.source.unreadable:unknown',
    ]);
  });

  it('is unknown for a ScheduledBackup schedule robfig/cron v1 rejects', () => {
    const snapshot = healthySnapshot();
    snapshot.cnpg!.scheduledBackups[0].schedule = 'CRON_TZ=UTC 0 0 2 * * 0';
    expect(codesOf(tierOf('cnpg', snapshot))).toContain(
      'cnpg.scheduledBackup.cronInvalid:unknown',
    );
  });

  it('takes its RPO target from the annotation', () => {
    const tier = tierOf('cnpg', healthySnapshot(), {
      ...options,
      annotationTargets: { cnpg: 120 },
    });
    expect(codesOf(tier)).toEqual(['cnpg.rpo.exceeded:critical']);
  });
});
