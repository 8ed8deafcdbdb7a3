import {
  CNPG_CRON_DIALECT,
  type CnpgCluster,
  type CronInfo,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { cronInfo } from '../cronInfo';
import { Finding, finding } from '../Finding';
import { humanDuration } from '../humanDuration';
import { VerdictOptions } from '../VerdictOptions';

function lastBackupFailed(cluster: CnpgCluster): string | undefined {
  const condition = cluster.lastBackupSucceeded;
  // BackupStarted is set when a backup starts: a backup is running, nothing failed.
  if (condition?.status === 'False' && condition.reason !== 'BackupStarted')
    return condition.message ?? condition.reason ?? 'no detail';
  if (
    cluster.lastFailedBackup &&
    (!cluster.lastSuccessfulBackup ||
      cluster.lastFailedBackup > cluster.lastSuccessfulBackup)
  )
    return `at ${cluster.lastFailedBackup}, after the last success`;
  return undefined;
}

/** Base backups: scheduled, not suspended, recent enough, and not failing. */
export function baseBackupFindings(
  snapshot: ClusterSnapshot,
  cluster: CnpgCluster,
  options: VerdictOptions,
): { findings: Finding[]; schedules: CronInfo[] } {
  const findings: Finding[] = [];
  const scheduled = (snapshot.cnpg?.scheduledBackups ?? []).filter(
    s => s.cluster === cluster.name,
  );
  const crons = scheduled.map(s => ({
    scheduled: s,
    ...cronInfo(
      'base-backup',
      s.name,
      s.schedule,
      CNPG_CRON_DIALECT,
      options.now,
    ),
  }));
  if (snapshot.unread.includes('cnpg.scheduledBackups')) {
    findings.push(
      finding(
        'cnpg.source.unreadable',
        'unknown',
        'ScheduledBackups could not be read',
      ),
    );
  } else if (scheduled.length === 0) {
    findings.push(
      finding(
        'cnpg.scheduledBackup.none',
        'warning',
        'No ScheduledBackup: base backups are not taken on a schedule',
      ),
    );
  }
  for (const { scheduled: s, info } of crons) {
    if (s.suspend)
      findings.push(
        finding(
          'cnpg.scheduledBackup.suspended',
          'warning',
          `ScheduledBackup ${s.name} is suspended`,
        ),
      );
    if (info.error)
      findings.push(
        finding(
          'cnpg.scheduledBackup.cronInvalid',
          'unknown',
          `ScheduledBackup ${s.name}: "${s.schedule}" ${info.error} (robfig/cron v1, seconds first)`,
        ),
      );
  }
  const failed = lastBackupFailed(cluster);
  if (failed)
    findings.push(
      finding(
        'cnpg.baseBackup.failed',
        'warning',
        `The last base backup failed: ${failed}`,
      ),
    );
  const intervals = crons
    .filter(c => !c.scheduled.suspend && c.intervalSeconds !== undefined)
    .map(c => c.intervalSeconds!);
  if (cluster.lastSuccessfulBackup && intervals.length > 0) {
    const limit = Math.min(...intervals) + options.graceSeconds;
    const age = options.now
      .diff(DateTime.fromISO(cluster.lastSuccessfulBackup))
      .as('seconds');
    if (age > limit) {
      findings.push(
        finding(
          'cnpg.baseBackup.stale',
          'warning',
          `The last base backup is ${humanDuration(
            Math.round(age / 3600) * 3600,
          )} old, longer than its schedule allows (${humanDuration(limit)})`,
        ),
      );
    }
  }
  return {
    findings,
    schedules: crons.map(c => ({ ...c.info, suspended: c.scheduled.suspend })),
  };
}
