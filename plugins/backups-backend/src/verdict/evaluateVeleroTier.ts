import type {
  Tier,
  VeleroBackup,
  VeleroSchedule,
} from '@internal/plugin-backups-common';
import { ClusterSnapshot } from '../snapshot/ClusterSnapshot';
import { matchesLabelSelector } from '../selectors/labelSelector';
import { cronIntervalSeconds } from './cronInterval';
import { Finding, statusOf } from './Finding';
import { humanDuration, parseDuration } from './parseDuration';
import { rpoFindings } from './rpoFindings';
import { rpoTarget } from './rpoTarget';
import { VerdictOptions } from './VerdictOptions';

const FAILED = new Set(['Failed', 'FailedValidation']);
const PARTIAL = new Set([
  'PartiallyFailed',
  'WaitingForPluginOperationsPartiallyFailed',
  'FinalizingPartiallyFailed',
]);
const FINISHED = new Set(['Completed', ...FAILED, 'PartiallyFailed']);

function destination(
  snapshot: ClusterSnapshot,
  locationName: string | undefined,
) {
  const locations = snapshot.velero?.storageLocations ?? [];
  const bsl = locations.find(l =>
    locationName ? l.name === locationName : l.default,
  );
  if (!bsl) return { bsl: undefined, url: undefined };
  const scheme =
    { gcp: 'gs', aws: 's3', azure: 'azure' }[bsl.provider ?? ''] ??
    bsl.provider;
  return {
    bsl,
    url: `${scheme}://${bsl.bucket}${bsl.prefix ? `/${bsl.prefix}` : ''}`,
  };
}

function pointOf(backup: VeleroBackup) {
  return backup.completionTimestamp ?? backup.startTimestamp;
}

function recoveryPoint(backups: VeleroBackup[], findings: Finding[]) {
  const newestFinished = backups.find(b => FINISHED.has(b.phase));
  if (newestFinished && FAILED.has(newestFinished.phase)) {
    findings.push({
      status: 'critical',
      reason: `The newest backup ${newestFinished.name} ${
        newestFinished.phase
      }${
        newestFinished.failureReason ? `: ${newestFinished.failureReason}` : ''
      }${
        newestFinished.validationErrors?.length
          ? `: ${newestFinished.validationErrors.join('; ')}`
          : ''
      }`,
    });
  } else if (newestFinished && PARTIAL.has(newestFinished.phase)) {
    findings.push({
      status: 'warning',
      reason: `The newest backup ${
        newestFinished.name
      } only partly succeeded (PartiallyFailed, ${
        newestFinished.errors ?? '?'
      } errors)`,
    });
  }
  const complete = backups.find(b => b.phase === 'Completed');
  if (complete) {
    if (newestFinished && newestFinished !== complete) {
      findings.push({
        status: 'warning',
        reason: `The last complete recovery point is ${complete.name}, not the newest run`,
      });
    }
    return pointOf(complete);
  }
  const partial = backups.find(b => b.phase === 'PartiallyFailed');
  if (partial) {
    findings.push({
      status: 'critical',
      reason: `No backup completed; ${partial.name} PartiallyFailed and is the only recovery point, with items missing`,
    });
    return pointOf(partial);
  }
  findings.push({
    status: 'critical',
    reason: 'No completed backup exists for this schedule',
  });
  return undefined;
}

function serverFindings(
  snapshot: ClusterSnapshot,
  schedule: VeleroSchedule,
  bslFound: boolean,
  bslPhase?: string,
  bslMessage?: string,
): Finding[] {
  const findings: Finding[] = [];
  const server = snapshot.velero?.server;
  if (schedule.paused)
    findings.push({
      status: 'warning',
      reason: 'The schedule is paused: no new backups are taken',
    });
  if (schedule.phase === 'FailedValidation') {
    findings.push({
      status: 'critical',
      reason: `The schedule failed validation: ${
        (schedule.validationErrors ?? []).join('; ') || 'no detail'
      }`,
    });
  }
  if (!bslFound) {
    findings.push({
      status: 'critical',
      reason: `BackupStorageLocation ${
        schedule.storageLocation ?? '(default)'
      } does not exist`,
    });
  } else if (bslPhase !== 'Available') {
    findings.push({
      status: 'critical',
      reason: `BackupStorageLocation ${
        schedule.storageLocation ?? '(default)'
      } is ${bslPhase ?? 'not validated'}${
        bslMessage ? `: ${bslMessage}` : ''
      }`,
    });
  }
  if (
    server?.deployment &&
    server.deployment.ready < server.deployment.desired
  ) {
    findings.push({
      status: 'critical',
      reason: `The Velero server is not ready (${server.deployment.ready}/${server.deployment.desired})`,
    });
  }
  if (server?.nodeAgent && server.nodeAgent.ready < server.nodeAgent.desired) {
    findings.push({
      status: 'warning',
      reason: `node-agent is not ready on every node (${server.nodeAgent.ready}/${server.nodeAgent.desired})`,
    });
  }
  if (
    server?.volumeSnapshotClasses &&
    server.volumeSnapshotClasses.length === 0
  ) {
    findings.push({
      status: 'critical',
      reason: 'No VolumeSnapshotClass exists: CSI snapshots cannot be taken',
    });
  }
  for (const release of snapshot.flux?.objects ?? []) {
    if (
      release.role === 'velero' &&
      release.kind === 'HelmRelease' &&
      release.ready?.status !== 'True'
    ) {
      findings.push({
        status: 'warning',
        reason: `The Velero HelmRelease ${release.namespace}/${
          release.name
        } is not Ready${
          release.ready?.reason ? ` (${release.ready.reason})` : ''
        }${release.ready?.message ? `: ${release.ready.message}` : ''}`,
      });
    }
  }
  for (const secret of snapshot.flux?.externalSecrets ?? []) {
    if (secret.ready?.status !== 'True') {
      findings.push({
        status: 'warning',
        reason: `The credentials ExternalSecret ${secret.namespace}/${
          secret.name
        } is not synced${
          secret.ready?.reason ? ` (${secret.ready.reason})` : ''
        }${secret.ready?.message ? `: ${secret.ready.message}` : ''}`,
      });
    }
  }
  return findings;
}

/** The tier of one Velero schedule. */
export function evaluateVeleroTier(
  snapshot: ClusterSnapshot,
  schedule: VeleroSchedule,
  options: VerdictOptions,
): Tier {
  const findings: Finding[] = [];
  const backups = (snapshot.velero?.backups ?? []).filter(
    b => b.schedule === schedule.name,
  );
  const lastRecoveryPoint = recoveryPoint(backups, findings);

  const interval = cronIntervalSeconds(schedule.schedule);
  const target = rpoTarget(
    'velero',
    schedule.name,
    interval === undefined ? undefined : interval + options.graceSeconds,
    options,
  );
  const rpo = rpoFindings(
    lastRecoveryPoint,
    target.seconds,
    options.now,
    `backup of ${schedule.name}`,
  );
  findings.push(...rpo.findings);

  const { bsl, url } = destination(snapshot, schedule.storageLocation);
  findings.push(
    ...serverFindings(
      snapshot,
      schedule,
      Boolean(bsl),
      bsl?.phase,
      bsl?.message,
    ),
  );

  const pvcs = snapshot.pvcs?.filter(
    p => p.namespace === snapshot.target.namespace,
  );
  if (
    pvcs &&
    schedule.labelSelector &&
    !pvcs.some(p => matchesLabelSelector(schedule.labelSelector, p.labels))
  ) {
    findings.push({
      status: 'critical',
      reason: `The schedule's label selector ${schedule.labelSelector} matches no PVC in ${snapshot.target.namespace}: its backups hold no volume data`,
    });
  }

  const ttl = parseDuration(schedule.ttl);
  const proven =
    lastRecoveryPoint !== undefined && target.seconds !== undefined;
  return {
    kind: 'velero',
    name: schedule.name,
    namespace: snapshot.velero?.namespace ?? '',
    status: statusOf(findings, proven),
    component: `Namespace ${snapshot.target.namespace}${
      schedule.labelSelector ? ` (${schedule.labelSelector})` : ''
    }`,
    method: 'Velero CSI snapshot',
    destination: url,
    schedule: schedule.schedule,
    retention:
      ttl !== undefined
        ? humanDuration(ttl)
        : schedule.ttl ?? '30 days (Velero default)',
    lastRecoveryPoint: lastRecoveryPoint ?? null,
    rpoTargetSeconds: target.seconds ?? null,
    rpoActualSeconds: rpo.actual,
    reasons: findings.map(f => f.reason),
  };
}
