import {
  formatLabelSelector,
  parseGoDuration,
  VELERO_CRON_DIALECT,
  type Tier,
  type VeleroSchedule,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { cronInfo } from '../cronInfo';
import { Finding, finding, statusOf } from '../Finding';
import { humanDuration } from '../humanDuration';
import { PlatformFinding } from '../platform/PlatformFinding';
import { platformCopies } from '../platform/platformCopies';
import { locationOf } from '../platform/storageLocationFindings';
import { rpoFindings } from '../rpoFindings';
import { rpoTarget } from '../rpoTarget';
import { VerdictOptions } from '../VerdictOptions';
import { backupContentFindings } from './backupContentFindings';
import { capturedAt, recoveryPoint } from './recoveryPoint';
import { PvcCoverage, scheduleSelector } from './scheduleCoverage';
import { isPending, scheduleFindings } from './scheduleFindings';

/** Velero's default TTL (--default-backup-ttl). */
const DEFAULT_TTL = '720h';

function method(schedule: VeleroSchedule): string {
  if (schedule.snapshotVolumes === false)
    return 'Velero (resources only, no volumes)';
  if (schedule.defaultVolumesToFsBackup) return 'Velero file-system backup';
  if (schedule.snapshotMoveData) return 'Velero CSI snapshot + data movement';
  return 'Velero CSI snapshot';
}

function destination(snapshot: ClusterSnapshot, schedule: VeleroSchedule) {
  const bsl = locationOf(snapshot, schedule);
  if (!bsl) return undefined;
  const scheme =
    { gcp: 'gs', aws: 's3', azure: 'azure' }[bsl.provider ?? ''] ??
    bsl.provider;
  return `${scheme}://${bsl.bucket}${bsl.prefix ? `/${bsl.prefix}` : ''}`;
}

function coverageFindings(
  schedule: VeleroSchedule,
  coverage: PvcCoverage[] | undefined,
  namespace: string,
): Finding[] {
  if (!coverage || coverage.length === 0) return [];
  if (scheduleSelector(schedule).requirements.length === 0) return [];
  if (coverage.some(c => c.covered === true)) return [];
  const unknown = coverage.find(c => c.covered === 'unknown');
  if (unknown && unknown.covered === 'unknown') {
    return [
      finding(
        'velero.source.unreadable',
        'unknown',
        `Whether the label selector ${schedule.labelSelector} selects any PVC in ${namespace} is unknown: ${unknown.why}`,
      ),
    ];
  }
  return [
    finding(
      'velero.coverage.selectorMatchesNoPvc',
      'critical',
      `The label selector ${schedule.labelSelector} selects no PVC in ${namespace}, and no pod it selects mounts one: its backups hold no volume data`,
    ),
  ];
}

/** The tier of one Velero schedule. */
export function evaluateVeleroTier(
  snapshot: ClusterSnapshot,
  schedule: VeleroSchedule,
  options: VerdictOptions,
  context: { coverage?: PvcCoverage[]; platform: PlatformFinding[] },
): Tier {
  const namespace = snapshot.target.namespace;
  const findings: Finding[] = [];
  const cron = cronInfo(
    'backup',
    schedule.name,
    schedule.schedule,
    VELERO_CRON_DIALECT,
    options.now,
  );
  findings.push(
    ...scheduleFindings(
      snapshot,
      schedule,
      cron.schedule ? undefined : cron.info.error,
    ),
  );
  if (cron.schedule && cron.intervalSeconds === undefined)
    findings.push(
      finding(
        'velero.schedule.neverRuns',
        'critical',
        `The schedule "${schedule.schedule}" names no date that exists: it never runs`,
      ),
    );

  const backups = (snapshot.velero?.backups ?? []).filter(
    b => b.schedule === schedule.name,
  );
  let point: ReturnType<typeof recoveryPoint>['backup'];
  if (snapshot.unread.includes('velero.backups')) {
    findings.push(
      finding(
        'velero.source.unreadable',
        'unknown',
        'The backups could not be read',
      ),
    );
  } else if (isPending(schedule, cron.schedule, backups, options)) {
    findings.push(
      finding(
        'velero.schedule.pending',
        'unknown',
        `The schedule was created ${
          schedule.createdAt
            ? DateTime.fromISO(schedule.createdAt).toRelative({
                base: options.now,
              })
            : 'recently'
        } and has not reached its first run${
          cron.info.nextRun ? ` (${cron.info.nextRun})` : ''
        }`,
      ),
    );
  } else {
    const result = recoveryPoint(backups, namespace);
    findings.push(...result.findings);
    point = result.backup;
  }

  const covered = (context.coverage ?? []).filter(
    c => c.covered === true,
  ).length;
  findings.push(...coverageFindings(schedule, context.coverage, namespace));
  if (point)
    findings.push(
      ...backupContentFindings(
        point,
        covered,
        snapshot.unread.includes('velero.podVolumeBackups'),
      ),
    );

  const lastRecoveryPoint = point ? capturedAt(point) : undefined;
  const target = rpoTarget(
    'velero',
    schedule.name,
    cron.intervalSeconds === undefined
      ? undefined
      : cron.intervalSeconds + options.graceSeconds,
    options,
  );
  const rpo = rpoFindings(
    'velero',
    lastRecoveryPoint,
    target.seconds,
    options.now,
    `backup of ${schedule.name}`,
  );
  findings.push(...rpo.findings);
  findings.push(...platformCopies(context.platform, 'velero', schedule.name));

  const ttl = parseGoDuration(schedule.ttl ?? DEFAULT_TTL);
  const selector = formatLabelSelector(scheduleSelector(schedule));
  return {
    kind: 'velero',
    name: schedule.name,
    namespace: snapshot.velero?.namespace ?? '',
    status: statusOf(
      findings,
      lastRecoveryPoint !== undefined && target.seconds !== undefined,
    ),
    component: `Namespace ${namespace}${selector ? ` (${selector})` : ''}`,
    method: method(schedule),
    destination: destination(snapshot, schedule),
    schedule: schedule.schedule,
    schedules: [cron.info],
    retention:
      ttl !== undefined
        ? `${humanDuration(ttl)}${schedule.ttl ? '' : ' (Velero default)'}`
        : schedule.ttl,
    lastRecoveryPoint: lastRecoveryPoint ?? null,
    recoveryPointBasis: point ? `start of backup ${point.name}` : undefined,
    rpoTargetSeconds: target.seconds ?? null,
    rpoActualSeconds: rpo.actual,
    reasons: findings.map(f => f.message),
    findings,
  };
}
