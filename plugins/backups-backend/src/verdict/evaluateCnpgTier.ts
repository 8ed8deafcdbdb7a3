import type { CnpgCluster, Tier } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { ClusterSnapshot } from '../snapshot/ClusterSnapshot';
import { cronIntervalSeconds } from './cronInterval';
import { Finding, statusOf } from './Finding';
import { humanDuration } from './parseDuration';
import { rpoFindings } from './rpoFindings';
import { rpoTarget } from './rpoTarget';
import { VerdictOptions } from './VerdictOptions';

function baseBackupFindings(
  snapshot: ClusterSnapshot,
  cluster: CnpgCluster,
  options: VerdictOptions,
): Finding[] {
  const findings: Finding[] = [];
  const scheduled = (snapshot.cnpg?.scheduledBackups ?? []).filter(
    s => s.cluster === cluster.name,
  );
  if (scheduled.length === 0) {
    findings.push({
      status: 'warning',
      reason: 'No ScheduledBackup: base backups are not taken on a schedule',
    });
  }
  for (const s of scheduled.filter(x => x.suspend)) {
    findings.push({
      status: 'warning',
      reason: `ScheduledBackup ${s.name} is suspended`,
    });
  }
  if (cluster.lastBackupSucceeded?.status === 'False') {
    findings.push({
      status: 'warning',
      reason: `The last base backup failed${
        cluster.lastBackupSucceeded.message
          ? `: ${cluster.lastBackupSucceeded.message}`
          : ''
      }`,
    });
  }
  const intervals = scheduled
    .map(s => cronIntervalSeconds(s.schedule))
    .filter((i): i is number => i !== undefined);
  if (cluster.lastSuccessfulBackup && intervals.length > 0) {
    const limit = Math.min(...intervals) + options.graceSeconds;
    const age = options.now
      .diff(DateTime.fromISO(cluster.lastSuccessfulBackup))
      .as('seconds');
    if (age > limit) {
      findings.push({
        status: 'warning',
        reason: `The last base backup is ${humanDuration(
          Math.round(age / 3600) * 3600,
        )} old, longer than its schedule allows (${humanDuration(limit)})`,
      });
    }
  }
  return findings;
}

/** The point-in-time recovery tier of one CNPG cluster. */
export function evaluateCnpgTier(
  snapshot: ClusterSnapshot,
  cluster: CnpgCluster,
  options: VerdictOptions,
): Tier {
  const findings: Finding[] = [];
  const archiving = cluster.continuousArchiving;
  let lastRecoveryPoint: string | undefined;
  if (!archiving) {
    findings.push({
      status: 'unknown',
      reason:
        'The cluster reports no ContinuousArchiving condition: WAL archiving is not proven',
    });
  } else if (archiving.status === 'True') {
    // The operator reports archiving as working; WAL is shipped as it fills.
    lastRecoveryPoint =
      options.now
        .toUTC()
        .startOf('second')
        .toISO({ suppressMilliseconds: true }) ?? undefined;
  } else {
    lastRecoveryPoint = archiving.lastTransitionTime;
    findings.push({
      status: 'critical',
      reason: `WAL archiving is failing (${
        archiving.reason ?? archiving.status
      })${archiving.message ? `: ${archiving.message}` : ''}`,
    });
  }
  if (!cluster.firstRecoverabilityPoint) {
    findings.push({
      status: 'critical',
      reason: `No base backup is in the recovery window${
        cluster.recoveryWindowSource === 'objectStore'
          ? ` (ObjectStore ${cluster.objectStore} reports none for server ${cluster.serverName})`
          : ''
      }: there is nothing to replay WAL onto`,
    });
    lastRecoveryPoint = undefined;
  }
  if (cluster.ready?.status === 'False') {
    findings.push({
      status: 'warning',
      reason: `The cluster is not Ready: ${
        cluster.ready.message ?? cluster.phase ?? ''
      }`,
    });
  }
  findings.push(...baseBackupFindings(snapshot, cluster, options));

  const target = rpoTarget(
    'cnpg',
    cluster.name,
    options.pitrTargetSeconds,
    options,
  );
  const rpo = rpoFindings(
    lastRecoveryPoint,
    target.seconds,
    options.now,
    'archived WAL',
  );
  if (archiving?.status !== 'True') findings.push(...rpo.findings);
  const base = (snapshot.cnpg?.scheduledBackups ?? []).find(
    s => s.cluster === cluster.name,
  );
  const store = cluster.objectStore
    ? ` via ObjectStore ${cluster.objectStore}`
    : '';
  return {
    kind: 'cnpg',
    name: cluster.name,
    namespace: cluster.namespace,
    status: statusOf(findings, lastRecoveryPoint !== undefined),
    component: `PostgreSQL ${cluster.name}`,
    method: `CNPG WAL + base backup${store}`,
    destination: cluster.destinationPath,
    schedule: base ? `WAL continuous, base ${base.schedule}` : 'WAL continuous',
    retention: undefined,
    lastRecoveryPoint: lastRecoveryPoint ?? null,
    firstRecoveryPoint: cluster.firstRecoverabilityPoint ?? null,
    rpoTargetSeconds: target.seconds ?? null,
    rpoActualSeconds: rpo.actual,
    reasons: findings.map(f => f.reason),
  };
}
