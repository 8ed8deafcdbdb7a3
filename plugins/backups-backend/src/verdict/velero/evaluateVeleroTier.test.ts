import { codesOf, tierOf } from '../__fixtures__/evaluate';
import {
  dailyBackup,
  healthySnapshot,
  NOW,
  options,
  stripAppLabel,
} from '../__fixtures__/healthySnapshot';

describe('evaluateVeleroTier', () => {
  it('is healthy for the seed, with the start of the newest backup as recovery point', () => {
    const tier = tierOf('velero');
    expect(tier.status).toBe('healthy');
    expect(tier.findings).toEqual([]);
    expect(tier.lastRecoveryPoint).toBe(dailyBackup(0).startTimestamp);
    expect(tier.recoveryPointBasis).toBe(
      `start of backup ${dailyBackup(0).name}`,
    );
    expect(tier.rpoTargetSeconds).toBe(26 * 3600);
    expect(tier.retention).toBe('7 days');
    expect(tier.schedules).toEqual([
      expect.objectContaining({
        role: 'backup',
        expression: '0 3 * * *',
        dialect: 'robfig-v3',
        description: 'At 03:00 (UTC)',
        longestIntervalSeconds: 86400,
        nextRun: '2026-11-25T03:00:00Z',
      }),
    ]);
  });

  it('measures the RPO from the start of a backup whose data movement finished hours later', () => {
    const snapshot = healthySnapshot();
    const slow = dailyBackup(1);
    // Started 25h59m ago, completed only 2h ago (WaitingForPluginOperations).
    slow.startTimestamp = NOW.minus({ hours: 26, minutes: 30 }).toISO()!;
    slow.completionTimestamp = NOW.minus({ hours: 2 }).toISO()!;
    snapshot.velero!.backups = [slow];
    const tier = tierOf('velero', snapshot);
    expect(tier.lastRecoveryPoint).toBe(slow.startTimestamp);
    expect(codesOf(tier)).toContain('velero.rpo.exceeded:critical');
  });

  it('takes the Velero default TTL of 720h when the schedule sets none', () => {
    const snapshot = healthySnapshot();
    snapshot.velero!.schedules[0].ttl = undefined;
    expect(tierOf('velero', snapshot).retention).toBe(
      '30 days (Velero default)',
    );
  });

  it('is pending, not failing, before the first tick after creation', () => {
    const snapshot = healthySnapshot();
    snapshot.velero!.backups = [];
    snapshot.velero!.schedules[0].createdAt = NOW.minus({ hours: 3 }).toISO()!;
    const pending = tierOf('velero', snapshot);
    expect(pending.status).toBe('unknown');
    expect(codesOf(pending)).toEqual(['velero.schedule.pending:unknown']);
    expect(pending.findings![0].message).toMatch(/2026-11-25T03:00:00Z/);

    // Past the first tick plus grace with no backup: failing.
    snapshot.velero!.schedules[0].createdAt = NOW.minus({ days: 2 }).toISO()!;
    expect(codesOf(tierOf('velero', snapshot))).toContain(
      'velero.backup.none:critical',
    );
  });

  it('treats a paused schedule as a warning and a rejected one as critical', () => {
    const paused = healthySnapshot();
    paused.velero!.schedules[0].paused = true;
    expect(codesOf(tierOf('velero', paused))).toEqual([
      'velero.schedule.paused:warning',
    ]);
    const invalid = healthySnapshot();
    invalid.velero!.schedules[0].phase = 'FailedValidation';
    invalid.velero!.schedules[0].validationErrors = [
      'invalid schedule: expected exactly 5 fields',
    ];
    const tier = tierOf('velero', invalid);
    expect(codesOf(tier)).toContain(
      'velero.schedule.failedValidation:critical',
    );
    expect(tier.reasons.join()).toMatch(/expected exactly 5 fields/);
  });

  it('reads the cron as robfig/cron v3: CRON_TZ, ?, names and @every are valid; what it rejects is unknown', () => {
    for (const schedule of [
      'CRON_TZ=Europe/Paris 0 3 * * *',
      '0 3 ? * *',
      '@every 24h',
    ]) {
      const snapshot = healthySnapshot();
      snapshot.velero!.schedules[0].schedule = schedule;
      expect(tierOf('velero', snapshot).status).toBe('healthy');
    }
    const bad = healthySnapshot();
    bad.velero!.schedules[0].schedule = '0 3 * * 7';
    const tier = tierOf('velero', bad);
    expect(tier.status).toBe('unknown');
    expect(codesOf(tier)).toEqual([
      'velero.schedule.cronInvalid:unknown',
      'velero.rpo.noTarget:unknown',
    ]);
    expect(tier.schedules![0].error).toMatch(/outside 0-6/);
  });

  it('is critical when the schedule names no date that exists', () => {
    const snapshot = healthySnapshot();
    snapshot.velero!.schedules[0].schedule = '0 3 30 2 *';
    expect(codesOf(tierOf('velero', snapshot))).toContain(
      'velero.schedule.neverRuns:critical',
    );
  });

  it('is critical for a schedule name too long for its backups label', () => {
    const snapshot = healthySnapshot();
    const name = `odoo-${'x'.repeat(60)}`;
    snapshot.velero!.schedules[0].name = name;
    snapshot.velero!.backups = [];
    expect(codesOf(tierOf('velero', snapshot))).toContain(
      'velero.schedule.nameTooLong:critical',
    );
  });

  it('knows that Velero before 1.18 does not expand include globs', () => {
    const snapshot = healthySnapshot();
    snapshot.velero!.schedules[0].includedNamespaces = ['business-*'];
    expect(codesOf(tierOf('velero', snapshot))).toContain(
      'velero.schedule.globNotExpanded:critical',
    );
    snapshot.velero!.server!.deployment!.image = 'velero/velero:v1.18.0';
    expect(codesOf(tierOf('velero', snapshot))).not.toContain(
      'velero.schedule.globNotExpanded:critical',
    );
    snapshot.velero!.server!.deployment!.image = 'velero/velero@sha256:abc';
    expect(codesOf(tierOf('velero', snapshot))).toContain(
      'velero.schedule.globNotExpanded:unknown',
    );
  });

  it('is critical when the namespace carries velero.io/exclude-from-backup=true', () => {
    const snapshot = healthySnapshot();
    snapshot.namespaceLabels!['velero.io/exclude-from-backup'] = 'true';
    expect(codesOf(tierOf('velero', snapshot))).toContain(
      'velero.namespace.excluded:critical',
    );
  });

  describe('what the restorable backup holds', () => {
    it('is critical when a Completed backup captured no volume data (absent counters mean 0)', () => {
      const snapshot = healthySnapshot();
      const empty = dailyBackup(0);
      delete empty.csiVolumeSnapshotsAttempted;
      delete empty.csiVolumeSnapshotsCompleted;
      delete empty.backupItemOperationsAttempted;
      delete empty.backupItemOperationsCompleted;
      empty.podVolumeBackupsCompleted = 0;
      snapshot.velero!.backups = [empty];
      const tier = tierOf('velero', snapshot);
      expect(codesOf(tier)).toEqual(['velero.backup.noVolumeData:critical']);
      expect(tier.reasons[0]).toMatch(/covers 4 PVCs/);
    });

    it('counts file-system backups (PodVolumeBackups) as volume data', () => {
      const snapshot = healthySnapshot();
      const fsOnly = {
        ...dailyBackup(0),
        csiVolumeSnapshotsCompleted: undefined,
        backupItemOperationsCompleted: undefined,
        podVolumeBackupsCompleted: 1,
      };
      snapshot.velero!.backups = [fsOnly];
      expect(tierOf('velero', snapshot).status).toBe('healthy');
    });

    it('is unknown when the PodVolumeBackups that would prove volume data could not be read', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.backups = [
        {
          ...dailyBackup(0),
          csiVolumeSnapshotsCompleted: undefined,
          backupItemOperationsCompleted: undefined,
        },
      ];
      snapshot.unread = ['velero.podVolumeBackups'];
      expect(codesOf(tierOf('velero', snapshot))).toEqual([
        'velero.source.unreadable:unknown',
      ]);
    });

    it('counts failed item operations, failed hooks, errors and warnings', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.backups[0] = {
        ...dailyBackup(0),
        backupItemOperationsFailed: 1,
        hooksFailed: 1,
        errors: 2,
        warnings: 3,
      };
      expect(codesOf(tierOf('velero', snapshot))).toEqual([
        'velero.backup.itemOperationsFailed:warning',
        'velero.backup.hooksFailed:warning',
        'velero.backup.errors:warning',
        'velero.backup.warnings:warning',
      ]);
    });
  });

  describe('label selector', () => {
    it('is critical when it selects no PVC and no pod that mounts one (seed §3.1 with unlabelled pods)', () => {
      const snapshot = healthySnapshot();
      snapshot.pvcs = snapshot.pvcs!.map(p => ({
        ...p,
        labels: stripAppLabel(p.labels),
      }));
      snapshot.pods = snapshot.pods!.map(p => ({
        ...p,
        labels: stripAppLabel(p.labels),
      }));
      const tier = tierOf('velero', snapshot);
      expect(codesOf(tier)).toContain(
        'velero.coverage.selectorMatchesNoPvc:critical',
      );
      expect(tier.reasons.join()).toMatch(
        /selects no PVC in business-system, and no pod it selects mounts one/,
      );
    });

    it('does not claim "matches no PVC" when a selected pod mounts a PVC', () => {
      const snapshot = healthySnapshot();
      snapshot.pvcs = snapshot.pvcs!.map(p => ({
        ...p,
        labels: stripAppLabel(p.labels),
      }));
      const tier = tierOf('velero', snapshot);
      expect(codesOf(tier)).not.toContain(
        'velero.coverage.selectorMatchesNoPvc:critical',
      );
      expect(tier.status).toBe('healthy');
    });

    it('is unknown when the pods could not be read and no PVC matches by label', () => {
      const snapshot = healthySnapshot();
      snapshot.pvcs = snapshot.pvcs!.map(p => ({
        ...p,
        labels: stripAppLabel(p.labels),
      }));
      snapshot.pods = undefined;
      snapshot.unread = ['pods'];
      const tier = tierOf('velero', snapshot);
      expect(tier.status).toBe('unknown');
      expect(codesOf(tier)).toContain('velero.source.unreadable:unknown');
    });

    it('is unknown when the schedule selector is invalid', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.schedules[0].selector = undefined;
      snapshot.velero!.schedules[0].selectorError =
        'operator "Equals" is not In, NotIn, Exists or DoesNotExist';
      expect(codesOf(tierOf('velero', snapshot))).toContain(
        'velero.schedule.selectorInvalid:unknown',
      );
    });
  });

  it('never says "no completed backup" when the backups could not be read', () => {
    const snapshot = healthySnapshot();
    snapshot.velero!.backups = [];
    snapshot.unread = ['velero.backups'];
    const tier = tierOf('velero', snapshot);
    expect(tier.status).toBe('unknown');
    expect(codesOf(tier)).toEqual(['velero.source.unreadable:unknown']);
    expect(tier.reasons.join()).not.toMatch(/No completed backup/);
  });

  it('takes RPO targets from config, then from the annotation', () => {
    const snapshot = healthySnapshot();
    expect(
      tierOf('velero', snapshot, {
        ...options,
        configTargets: { velero: 3600 },
      }).rpoTargetSeconds,
    ).toBe(3600);
    expect(
      tierOf('velero', snapshot, {
        ...options,
        configTargets: { velero: 3600 },
        annotationTargets: { 'velero/odoo-daily': 7200 },
      }).rpoTargetSeconds,
    ).toBe(7200);
  });
});
