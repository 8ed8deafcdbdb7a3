import { codesOf, tierOf } from '../__fixtures__/evaluate';
import { healthySnapshot } from '../__fixtures__/healthySnapshot';

function snapshotWith(change: (s: ReturnType<typeof source>) => void) {
  const snapshot = healthySnapshot();
  change(snapshot.volsync!.sources[0]);
  return snapshot;
}
function source() {
  return healthySnapshot().volsync!.sources[0];
}

describe('evaluateVolsyncTier', () => {
  it('dates the data from the start of the last sync: lastSyncTime − lastSyncDuration', () => {
    const tier = tierOf('volsync');
    expect(tier.status).toBe('healthy');
    expect(tier.lastRecoveryPoint).toBe('2026-11-24T04:00:01Z');
    expect(tier.recoveryPointBasis).toMatch(/lastSyncTime − lastSyncDuration/);
    expect(tier.retention).toBe('7/4/3 (d/w/m)');
    expect(tier.rpoTargetSeconds).toBe(26 * 3600);
  });

  it('ignores lastSyncStartTime, which belongs to the sync running now', () => {
    const tier = tierOf(
      'volsync',
      snapshotWith(s => {
        s.lastSyncStartTime = '2026-11-24T07:59:00Z';
        s.synchronizing = { status: 'True', reason: 'SyncInProgress' };
      }),
    );
    expect(tier.lastRecoveryPoint).toBe('2026-11-24T04:00:01Z');
    expect(tier.status).toBe('healthy');
  });

  it('is critical when the mover failed, with the log excerpt', () => {
    const tier = tierOf(
      'volsync',
      snapshotWith(s => {
        s.moverResult = 'Failed';
        s.moverLogs = 'Fatal: unable to open repository\nFatal: wrong password';
      }),
    );
    expect(codesOf(tier)).toEqual(['volsync.mover.failed:critical']);
    expect(tier.reasons[0]).toMatch(/wrong password/);
  });

  it('warns when a sync was missed: the slot after nextSyncTime has passed', () => {
    // Due 2026-11-23 04:00; the next slot, 11-24 04:00, passed 4 hours ago.
    const missed = tierOf(
      'volsync',
      snapshotWith(s => (s.nextSyncTime = '2026-11-23T04:00:00Z')),
    );
    expect(codesOf(missed)).toEqual(['volsync.sync.overdue:warning']);
    // A past nextSyncTime alone is normal while a sync runs.
    const running = tierOf(
      'volsync',
      snapshotWith(s => (s.nextSyncTime = '2026-11-24T04:00:00Z')),
    );
    expect(running.status).toBe('healthy');
  });

  it('warns when paused: syncs start but never finish', () => {
    expect(
      codesOf(
        tierOf(
          'volsync',
          snapshotWith(s => (s.paused = true)),
        ),
      ),
    ).toEqual(['volsync.paused:warning']);
  });

  it('is critical when it never synced, and when the last sync is older than the target', () => {
    expect(
      codesOf(
        tierOf(
          'volsync',
          snapshotWith(s => (s.lastSyncTime = undefined)),
        ),
      ),
    ).toEqual(['volsync.sync.never:critical']);
    const old = tierOf(
      'volsync',
      snapshotWith(s => {
        s.lastSyncTime = '2026-11-22T04:02:41Z';
        s.nextSyncTime = '2026-11-25T04:00:00Z';
      }),
    );
    expect(codesOf(old)).toEqual(['volsync.rpo.exceeded:critical']);
  });

  it('reads its schedule with robfig/cron v3 and says unknown for what it rejects', () => {
    const tier = tierOf(
      'volsync',
      snapshotWith(s => (s.schedule = '0 4 * * * *')),
    );
    expect(codesOf(tier)).toEqual([
      'volsync.schedule.cronInvalid:unknown',
      'volsync.rpo.noTarget:unknown',
    ]);
  });

  it('has no schedule-derived target with a manual trigger', () => {
    const tier = tierOf(
      'volsync',
      snapshotWith(s => (s.manual = 'restore-test-1')),
    );
    expect(codesOf(tier)).toEqual(['volsync.rpo.noTarget:unknown']);
  });
});
