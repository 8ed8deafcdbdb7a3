import type { CnpgCluster, Tier } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { Finding, finding, statusOf } from '../Finding';
import { humanDuration } from '../humanDuration';
import { rpoFindings } from '../rpoFindings';
import { rpoTarget } from '../rpoTarget';
import { VerdictOptions } from '../VerdictOptions';
import { baseBackupFindings } from './baseBackupFindings';

type Point = { at?: string; basis?: string };

// Milliseconds are kept, so that the RPO measured from the same `now` is exact.
function iso(time: DateTime) {
  return time.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;
}

/**
 * The newest point WAL replay can reach. ContinuousArchiving=True is also
 * reported when WAL goes nowhere, so it counts only with a destination; then
 * PostgreSQL switches segments at least every archive_timeout.
 */
function walRecoveryPoint(
  cluster: CnpgCluster,
  options: VerdictOptions,
  findings: Finding[],
): Point {
  const archiving = cluster.continuousArchiving;
  const lastBase: Point = {
    at: cluster.lastSuccessfulBackup,
    basis: cluster.lastSuccessfulBackup
      ? 'end of the last base backup'
      : undefined,
  };
  if (!cluster.walArchiver) {
    findings.push(
      finding(
        'cnpg.wal.noDestination',
        'warning',
        `No WAL destination is configured (no spec.backup.barmanObjectStore, no WAL-archiving plugin)${
          archiving?.status === 'True'
            ? ': ContinuousArchiving=True proves nothing here'
            : ''
        }; recovery reaches only the last base backup`,
      ),
    );
    return lastBase;
  }
  if (!archiving) {
    findings.push(
      finding(
        'cnpg.wal.conditionMissing',
        'unknown',
        'The cluster reports no ContinuousArchiving condition: WAL archiving is not proven',
      ),
    );
    return lastBase;
  }
  if (archiving.status === 'True') {
    const timeout = cluster.archiveTimeoutSeconds ?? 300;
    return {
      at: iso(options.now.minus({ seconds: timeout })),
      basis: `WAL archived continuously: restorable to within archive_timeout (${humanDuration(
        timeout,
      )}) of now`,
    };
  }
  findings.push(
    finding(
      'cnpg.wal.failing',
      'critical',
      `WAL archiving is failing (${archiving.reason ?? archiving.status})${
        archiving.message ? `: ${archiving.message}` : ''
      }`,
    ),
  );
  return archiving.lastTransitionTime
    ? {
        at: archiving.lastTransitionTime,
        basis: 'when WAL archiving started failing',
      }
    : lastBase;
}

/** The base of the window must exist, or there is nothing to replay WAL onto. */
function windowFindings(
  snapshot: ClusterSnapshot,
  cluster: CnpgCluster,
): Finding[] {
  if (cluster.objectStoreMissing) {
    return [
      finding(
        'cnpg.objectStore.missing',
        'critical',
        `The cluster archives through the Barman Cloud Plugin to ObjectStore ${cluster.objectStore}, which does not exist`,
      ),
    ];
  }
  if (cluster.firstRecoverabilityPoint) return [];
  if (
    cluster.recoveryWindowSource === 'objectStore' &&
    snapshot.unread.includes('cnpg.objectStores')
  )
    return [
      finding(
        'cnpg.source.unreadable',
        'unknown',
        'The Barman Cloud ObjectStores could not be read: the recovery window is unknown',
      ),
    ];
  return [
    finding(
      'cnpg.baseBackup.none',
      'critical',
      `No base backup is in the recovery window${
        cluster.recoveryWindowSource === 'objectStore'
          ? ` (ObjectStore ${cluster.objectStore} reports none for server ${cluster.serverName})`
          : ''
      }: there is nothing to replay WAL onto`,
    ),
  ];
}

/** The point-in-time recovery tier of one CNPG cluster. */
export function evaluateCnpgTier(
  snapshot: ClusterSnapshot,
  cluster: CnpgCluster,
  options: VerdictOptions,
): Tier {
  const findings: Finding[] = [];
  let point = walRecoveryPoint(cluster, options, findings);
  const window = windowFindings(snapshot, cluster);
  if (window.length > 0) point = {};
  findings.push(...window);
  if (cluster.ready?.status === 'False')
    findings.push(
      finding(
        'cnpg.cluster.notReady',
        'warning',
        `The cluster is not Ready: ${
          cluster.ready.message ?? cluster.phase ?? ''
        }`,
      ),
    );
  const base = baseBackupFindings(snapshot, cluster, options);
  findings.push(...base.findings);

  const target = rpoTarget(
    'cnpg',
    cluster.name,
    options.pitrTargetSeconds,
    options,
  );
  const rpo = rpoFindings(
    'cnpg',
    point.at,
    target.seconds,
    options.now,
    'recovery point',
  );
  findings.push(...rpo.findings);
  const store = cluster.objectStore
    ? ` via ObjectStore ${cluster.objectStore}`
    : '';
  const windowAge =
    cluster.recoveryWindowSource === 'objectStore' &&
    cluster.lastSuccessfulBackup
      ? `; the ObjectStore's window moves after each backup and retention run (newest base backup ${DateTime.fromISO(
          cluster.lastSuccessfulBackup,
        ).toRelative({ base: options.now })})`
      : '';
  const continuous =
    Boolean(cluster.walArchiver) &&
    cluster.continuousArchiving?.status === 'True';
  const firstBase = base.schedules[0];
  return {
    kind: 'cnpg',
    name: cluster.name,
    namespace: cluster.namespace,
    status: statusOf(
      findings,
      point.at !== undefined && target.seconds !== undefined,
    ),
    component: `PostgreSQL ${cluster.name}`,
    method: `CNPG ${cluster.walArchiver ? 'WAL + ' : ''}base backup${store}`,
    destination: cluster.destinationPath,
    // Kept for older clients; `schedules` and `continuous` carry the fields.
    schedule:
      [
        continuous ? 'WAL continuous' : '',
        firstBase ? `base ${firstBase.expression}` : '',
      ]
        .filter(Boolean)
        .join(', ') || undefined,
    schedules: base.schedules,
    continuous,
    retention: undefined,
    lastRecoveryPoint: point.at ?? null,
    recoveryPointBasis: point.basis ? `${point.basis}${windowAge}` : undefined,
    firstRecoveryPoint: cluster.firstRecoverabilityPoint ?? null,
    rpoTargetSeconds: target.seconds ?? null,
    rpoActualSeconds: rpo.actual,
    reasons: findings.map(f => f.message),
    findings,
  };
}
