import {
  cronNextRun,
  parseGoDuration,
  VOLSYNC_CRON_DIALECT,
  type CronSchedule,
  type Tier,
  type VolsyncSource,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { cronInfo } from '../cronInfo';
import { Finding, finding, statusOf } from '../Finding';
import { rpoFindings } from '../rpoFindings';
import { rpoTarget } from '../rpoTarget';
import { VerdictOptions } from '../VerdictOptions';

const PERIODS: Array<[string, string]> = [
  ['hourly', 'h'],
  ['daily', 'd'],
  ['weekly', 'w'],
  ['monthly', 'm'],
  ['yearly', 'y'],
];

/** "7/4/3 (d/w/m)", as the seed's summary writes restic retention. */
function retention(retain: VolsyncSource['retain']): string | undefined {
  if (!retain) return undefined;
  const present = PERIODS.filter(([key]) => retain[key] !== undefined);
  const parts = present.length
    ? [
        `${present.map(([k]) => retain[k]).join('/')} (${present
          .map(([, s]) => s)
          .join('/')})`,
      ]
    : [];
  if (retain.within) parts.push(`within ${retain.within}`);
  if (retain.last) parts.push(`last ${retain.last}`);
  return parts.join(', ') || undefined;
}

/**
 * When the last synced data was captured: VolSync sets lastSyncTime when a
 * sync ends and lastSyncDuration to its length, so the copy dates from the
 * start. (lastSyncStartTime belongs to the sync running now, if any.)
 */
function syncedAt(source: VolsyncSource): { at?: string; basis?: string } {
  if (!source.lastSyncTime) return {};
  const duration = parseGoDuration(source.lastSyncDuration);
  if (duration === undefined)
    return {
      at: source.lastSyncTime,
      basis: 'end of the last sync (its duration is not reported)',
    };
  const start = DateTime.fromISO(source.lastSyncTime).minus({
    seconds: duration,
  });
  return {
    at:
      start.toUTC().toISO({ suppressMilliseconds: true }) ??
      source.lastSyncTime,
    basis: 'start of the last completed sync (lastSyncTime − lastSyncDuration)',
  };
}

/**
 * A missed sync: VolSync computes nextSyncTime after each sync and skips
 * missed slots. nextSyncTime is in the past during every sync, so only the
 * slot after it having passed, plus grace, shows a missed run.
 */
function overdue(
  source: VolsyncSource,
  cron: CronSchedule | undefined,
  options: VerdictOptions,
): Finding | undefined {
  if (!cron || !source.nextSyncTime) return undefined;
  const following = cronNextRun(cron, new Date(source.nextSyncTime));
  if (!following) return undefined;
  const late = DateTime.fromJSDate(following).plus({
    seconds: options.graceSeconds,
  });
  if (options.now <= late) return undefined;
  return finding(
    'volsync.sync.overdue',
    'warning',
    `The sync due at ${
      source.nextSyncTime
    } has not completed, and the next slot (${DateTime.fromJSDate(following)
      .toUTC()
      .toISO({ suppressMilliseconds: true })}) has passed too`,
  );
}

function moverFindings(source: VolsyncSource): Finding[] {
  const findings: Finding[] = [];
  if (source.moverResult === 'Failed') {
    const tail = source.moverLogs
      ?.split('\n')
      .filter(Boolean)
      .slice(-3)
      .join(' | ');
    findings.push(
      finding(
        'volsync.mover.failed',
        'critical',
        `The last mover run failed${tail ? `: ${tail}` : ''}`,
      ),
    );
  }
  if (source.synchronizing?.reason === 'Error')
    findings.push(
      finding(
        'volsync.sync.error',
        'warning',
        `Synchronizing reports an error: ${source.synchronizing.message ?? ''}`,
      ),
    );
  if (source.paused)
    findings.push(
      finding(
        'volsync.paused',
        'warning',
        'The source is paused: its syncs start but never finish',
      ),
    );
  return findings;
}

/** The tier of one VolSync ReplicationSource (restic). */
export function evaluateVolsyncTier(
  source: VolsyncSource,
  options: VerdictOptions,
): Tier {
  const findings: Finding[] = [];
  const cron = source.schedule
    ? cronInfo(
        'sync',
        source.name,
        source.schedule,
        VOLSYNC_CRON_DIALECT,
        options.now,
      )
    : undefined;
  if (cron?.info.error)
    findings.push(
      finding(
        'volsync.schedule.cronInvalid',
        'unknown',
        `The trigger schedule "${source.schedule}" ${cron.info.error}`,
      ),
    );
  const point = syncedAt(source);
  if (!source.lastSyncTime)
    findings.push(
      finding(
        'volsync.sync.never',
        'critical',
        'The source has never completed a sync',
      ),
    );
  findings.push(...moverFindings(source));
  const late = overdue(source, cron?.schedule, options);
  if (late) findings.push(late);

  // A non-empty manual trigger wins over the schedule.
  const interval = source.manual ? undefined : cron?.intervalSeconds;
  const target = rpoTarget(
    'volsync',
    source.name,
    interval === undefined ? undefined : interval + options.graceSeconds,
    options,
  );
  const rpo = rpoFindings(
    'volsync',
    point.at,
    target.seconds,
    options.now,
    `sync of ${source.name}`,
  );
  findings.push(...rpo.findings);
  return {
    kind: 'volsync',
    name: source.name,
    namespace: source.namespace,
    status: statusOf(
      findings,
      point.at !== undefined && target.seconds !== undefined,
    ),
    component: `PVC ${source.sourcePVC ?? '?'}`,
    method: 'VolSync restic',
    destination: source.repository
      ? `restic repository from Secret ${source.repository}`
      : undefined,
    schedule:
      source.schedule ??
      (source.manual ? `manual (${source.manual})` : undefined),
    schedules: cron ? [cron.info] : [],
    retention: retention(source.retain),
    lastRecoveryPoint: point.at ?? null,
    recoveryPointBasis: point.basis,
    rpoTargetSeconds: target.seconds ?? null,
    rpoActualSeconds: rpo.actual,
    reasons: findings.map(f => f.message),
    findings,
  };
}
