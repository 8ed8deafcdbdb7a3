import type { Tier, VolsyncSource } from '@internal/plugin-backups-common';
import { cronIntervalSeconds } from './cronInterval';
import { Finding, statusOf } from './Finding';
import { rpoFindings } from './rpoFindings';
import { rpoTarget } from './rpoTarget';
import { VerdictOptions } from './VerdictOptions';

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

/** The tier of one VolSync ReplicationSource (restic). */
export function evaluateVolsyncTier(
  source: VolsyncSource,
  options: VerdictOptions,
): Tier {
  const findings: Finding[] = [];
  if (!source.lastSyncTime)
    findings.push({
      status: 'critical',
      reason: 'The source has never completed a sync',
    });
  if (source.moverResult === 'Failed') {
    const tail = source.moverLogs
      ?.split('\n')
      .filter(Boolean)
      .slice(-3)
      .join(' | ');
    findings.push({
      status: 'critical',
      reason: `The last restic run failed${tail ? `: ${tail}` : ''}`,
    });
  }
  if (source.synchronizing?.reason === 'Error') {
    findings.push({
      status: 'critical',
      reason: `Synchronizing reports an error: ${
        source.synchronizing.message ?? ''
      }`,
    });
  }
  const interval = cronIntervalSeconds(source.schedule);
  const target = rpoTarget(
    'volsync',
    source.name,
    interval === undefined ? undefined : interval + options.graceSeconds,
    options,
  );
  const rpo = rpoFindings(
    source.lastSyncTime,
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
      Boolean(source.lastSyncTime) && target.seconds !== undefined,
    ),
    component: `PVC ${source.sourcePVC ?? '?'}`,
    method: 'VolSync restic',
    destination: source.repository
      ? `restic repository from Secret ${source.repository}`
      : undefined,
    schedule:
      source.schedule ??
      (source.manual ? `manual (${source.manual})` : undefined),
    retention: retention(source.retain),
    lastRecoveryPoint: source.lastSyncTime ?? null,
    rpoTargetSeconds: target.seconds ?? null,
    rpoActualSeconds: rpo.actual,
    reasons: findings.map(f => f.reason),
  };
}
