import { evaluateClusterSnapshot } from './evaluateClusterSnapshot';
import {
  dailyBackup,
  healthySnapshot,
  NOW,
  stripAppLabel,
  options,
} from './__fixtures__/healthySnapshot';

function tier(kind: string, snapshot = healthySnapshot(), opts = options) {
  const found = evaluateClusterSnapshot(snapshot, opts).tiers.find(
    t => t.kind === kind,
  );
  if (!found) throw new Error(`no ${kind} tier`);
  return found;
}

describe('evaluateClusterSnapshot', () => {
  it('finds every tier of the seed healthy, with its recovery point and RPO', () => {
    const result = evaluateClusterSnapshot(healthySnapshot(), options);
    expect(result.tiers.map(t => [t.kind, t.name, t.status])).toEqual([
      ['cnpg', 'odoo-pg', 'healthy'],
      ['velero', 'odoo-daily', 'healthy'],
      ['volsync', 'odoo-filestore', 'healthy'],
    ]);
    const velero = result.tiers[1];
    expect(velero.lastRecoveryPoint).toBe('2026-11-24T03:01:35Z');
    expect(velero.rpoTargetSeconds).toBe(26 * 3600);
    expect(velero.rpoActualSeconds).toBe(
      NOW.diff(NOW.set({ hour: 3, minute: 1, second: 35 })).as('seconds'),
    );
    expect(velero.destination).toBe('gs://hayden-velero-backups');
    expect(velero.retention).toBe('7 days');
    expect(result.tiers[0].rpoTargetSeconds).toBe(300);
    expect(result.tiers[0].firstRecoveryPoint).toBe('2026-11-15T02:00:00Z');
    expect(result.tiers[2].retention).toBe('7/4/3 (d/w/m)');
    expect(result.tiers.every(t => t.reasons.length === 0)).toBe(true);
  });

  describe('Velero', () => {
    it('is critical when the last good backup is older than the target', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.backups = [dailyBackup(2)];
      const t = tier('velero', snapshot);
      expect(t.status).toBe('critical');
      expect(t.reasons.join()).toMatch(/older than the RPO target of 26 hours/);
    });

    it('is critical when the newest run failed, and falls back to the last complete one', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.backups[0] = {
        ...dailyBackup(0, 'Failed'),
        failureReason: 'bucket gone',
      };
      const t = tier('velero', snapshot);
      expect(t.status).toBe('critical');
      expect(t.reasons.join()).toMatch(
        /newest backup odoo-daily-20261124030000 Failed: bucket gone/,
      );
      expect(t.lastRecoveryPoint).toBe(dailyBackup(1).completionTimestamp);
    });

    it('warns when the newest run only partly succeeded and never counts it silently', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.backups[0] = dailyBackup(0, 'PartiallyFailed');
      // A target wide enough that the previous complete backup is still in time.
      const t = tier('velero', snapshot, {
        ...options,
        configTargets: { velero: 48 * 3600 },
      });
      expect(t.status).toBe('warning');
      expect(t.reasons.join()).toMatch(/only partly succeeded/);
      expect(t.lastRecoveryPoint).toBe(dailyBackup(1).completionTimestamp);
    });

    it('says so when a PartiallyFailed backup is the only recovery point', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.backups = [dailyBackup(0, 'PartiallyFailed')];
      const t = tier('velero', snapshot);
      expect(t.status).toBe('critical');
      expect(t.lastRecoveryPoint).toBe(dailyBackup(0).completionTimestamp);
      expect(t.reasons.join()).toMatch(
        /PartiallyFailed and is the only recovery point/,
      );
    });

    it('has no recovery point when every run failed', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.backups = [
        dailyBackup(0, 'Failed'),
        dailyBackup(1, 'FailedValidation'),
      ];
      const t = tier('velero', snapshot);
      expect(t.status).toBe('critical');
      expect(t.lastRecoveryPoint).toBeNull();
      expect(t.rpoActualSeconds).toBeNull();
    });

    it('does not let in-progress phases lower the verdict', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.backups.unshift({
        ...dailyBackup(0, 'WaitingForPluginOperations'),
        name: 'odoo-daily-now',
      });
      expect(tier('velero', snapshot).status).toBe('healthy');
    });

    it('is critical when the storage location is unavailable', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.storageLocations[0] = {
        ...snapshot.velero!.storageLocations[0],
        phase: 'Unavailable',
        message: 'bucket does not exist',
      };
      const t = tier('velero', snapshot);
      expect(t.status).toBe('critical');
      expect(t.reasons.join()).toMatch(
        /BackupStorageLocation gcs is Unavailable: bucket does not exist/,
      );
    });

    it('warns when the schedule is paused and is critical when it failed validation', () => {
      const paused = healthySnapshot();
      paused.velero!.schedules[0].paused = true;
      expect(tier('velero', paused).status).toBe('warning');
      expect(tier('velero', paused).reasons.join()).toMatch(/paused/);

      const invalid = healthySnapshot();
      invalid.velero!.schedules[0] = {
        ...invalid.velero!.schedules[0],
        phase: 'FailedValidation',
        validationErrors: ['invalid schedule'],
      };
      expect(tier('velero', invalid).status).toBe('critical');
      expect(tier('velero', invalid).reasons.join()).toMatch(
        /failed validation: invalid schedule/,
      );
    });

    it('warns when the Velero HelmRelease is not Ready', () => {
      const snapshot = healthySnapshot();
      snapshot.flux!.objects[0].ready = {
        status: 'False',
        reason: 'UpgradeFailed',
        message: 'timeout',
      };
      const t = tier('velero', snapshot);
      expect(t.status).toBe('warning');
      expect(t.reasons.join()).toMatch(
        /HelmRelease velero\/velero is not Ready \(UpgradeFailed\): timeout/,
      );
    });

    it('warns when the credentials ExternalSecret is not synced', () => {
      const snapshot = healthySnapshot();
      snapshot.flux!.externalSecrets[0].ready = {
        status: 'False',
        reason: 'SecretSyncedError',
      };
      expect(tier('velero', snapshot).status).toBe('warning');
      expect(tier('velero', snapshot).reasons.join()).toMatch(
        /ExternalSecret velero\/velero-gcs is not synced/,
      );
    });

    it('warns when node-agent is not ready everywhere', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.server!.nodeAgent = {
        name: 'node-agent',
        ready: 1,
        desired: 3,
      };
      expect(tier('velero', snapshot).status).toBe('warning');
      expect(tier('velero', snapshot).reasons.join()).toMatch(
        /node-agent is not ready on every node \(1\/3\)/,
      );
    });

    it('is critical when no VolumeSnapshotClass exists', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.server!.volumeSnapshotClasses = [];
      expect(tier('velero', snapshot).status).toBe('critical');
      expect(tier('velero', snapshot).reasons.join()).toMatch(
        /No VolumeSnapshotClass/,
      );
    });

    it('is critical when its selector matches no PVC (seed §3.1)', () => {
      const snapshot = healthySnapshot();
      snapshot.pvcs = snapshot.pvcs!.map(p => ({
        ...p,
        labels: stripAppLabel(p.labels),
      }));
      const t = tier('velero', snapshot);
      expect(t.status).toBe('critical');
      expect(t.reasons.join()).toMatch(/matches no PVC in business-system/);
    });

    it('takes RPO targets from config, then from the annotation', () => {
      const snapshot = healthySnapshot();
      expect(
        tier('velero', snapshot, {
          ...options,
          configTargets: { velero: 3600 },
        }).status,
      ).toBe('critical');
      expect(
        tier('velero', snapshot, {
          ...options,
          configTargets: { velero: 3600 },
          annotationTargets: { 'velero/odoo-daily': 30 * 3600 },
        }).rpoTargetSeconds,
      ).toBe(30 * 3600);
    });
  });

  describe('CNPG', () => {
    it('is critical when WAL archiving fails, with the operator message', () => {
      const snapshot = healthySnapshot();
      snapshot.cnpg!.clusters[0].continuousArchiving = {
        status: 'False',
        reason: 'ContinuousArchivingFailing',
        message: '403 from GCS',
        lastTransitionTime: '2026-11-24T05:00:00Z',
      };
      const t = tier('cnpg', snapshot);
      expect(t.status).toBe('critical');
      expect(t.reasons[0]).toBe(
        'WAL archiving is failing (ContinuousArchivingFailing): 403 from GCS',
      );
      expect(t.lastRecoveryPoint).toBe('2026-11-24T05:00:00Z');
      expect(t.rpoActualSeconds).toBe(3 * 3600);
    });

    it('is unknown, never healthy, without the ContinuousArchiving condition', () => {
      const snapshot = healthySnapshot();
      snapshot.cnpg!.clusters[0].continuousArchiving = undefined;
      expect(tier('cnpg', snapshot).status).toBe('unknown');
    });

    it('is critical without a base backup in the recovery window', () => {
      const snapshot = healthySnapshot();
      snapshot.cnpg!.clusters[0].firstRecoverabilityPoint = undefined;
      const t = tier('cnpg', snapshot);
      expect(t.status).toBe('critical');
      expect(t.reasons.join()).toMatch(
        /ObjectStore odoo-objstore reports none for server odoo-pg/,
      );
    });

    it('warns when base backups fall behind their six-field schedule or are suspended', () => {
      const old = healthySnapshot();
      old.cnpg!.clusters[0].lastSuccessfulBackup = '2026-11-10T02:00:00Z';
      expect(tier('cnpg', old).status).toBe('warning');
      expect(tier('cnpg', old).reasons.join()).toMatch(
        /last base backup is 14 days 6 hours old, longer than its schedule allows \(7 days 2 hours\)/,
      );

      const suspended = healthySnapshot();
      suspended.cnpg!.scheduledBackups[0].suspend = true;
      expect(tier('cnpg', suspended).reasons.join()).toMatch(
        /odoo-pg-weekly is suspended/,
      );
    });
  });

  describe('VolSync', () => {
    it('is critical when the mover failed, with the log excerpt', () => {
      const snapshot = healthySnapshot();
      snapshot.volsync!.sources[0] = {
        ...snapshot.volsync!.sources[0],
        moverResult: 'Failed',
        moverLogs: 'start\nFatal: unable to open repository',
      };
      const t = tier('volsync', snapshot);
      expect(t.status).toBe('critical');
      expect(t.reasons.join()).toMatch(/Fatal: unable to open repository/);
    });

    it('is critical when the last sync is older than the target', () => {
      const snapshot = healthySnapshot();
      snapshot.volsync!.sources[0].lastSyncTime = '2026-11-22T04:00:00Z';
      expect(tier('volsync', snapshot).status).toBe('critical');
    });
  });

  it('keeps the other tiers when one source is missing', () => {
    const snapshot = healthySnapshot();
    snapshot.velero = undefined;
    snapshot.errors = [
      {
        source: 'velero',
        reason: 'NotInstalled',
        message: 'Velero is not installed',
      },
    ];
    const result = evaluateClusterSnapshot(snapshot, options);
    expect(result.tiers.map(t => t.kind)).toEqual(['cnpg', 'volsync']);
    expect(result.errors).toHaveLength(1);
  });
});
