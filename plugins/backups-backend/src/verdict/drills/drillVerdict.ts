import type {
  DrillOutcome,
  ProvenRestore,
  Tier,
  TierKind,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { Finding, finding, worstStatus } from '../Finding';
import { humanDuration } from '../humanDuration';
import { parseTierDurations } from '../rpoTarget';

/** One drill, as the verdict reads it. */
export type DrillEvidenceRecord = {
  id: string;
  cluster: string;
  tier: { kind: TierKind; name: string };
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  outcome: DrillOutcome;
  source?: string;
  recoveryPoint?: string;
  rtoSeconds?: number;
  failureReason?: string;
};

/** What the verdict knows of an entity's drills. */
export type DrillEvidence = {
  /** Newest first. */
  records: DrillEvidenceRecord[];
  /** Whether the policy drills this tier on a schedule (so a missed drill matters). */
  scheduled: (tier: { kind: string; name: string }) => boolean;
  /** RTO targets by `*`, kind or kind/name, in seconds. */
  rtoTargets: Record<string, number>;
  windowSeconds: number;
  now: DateTime;
};

function rtoTarget(
  targets: Record<string, number>,
  tier: { kind: string; name: string },
): number | undefined {
  return (
    targets[`${tier.kind}/${tier.name}`] ?? targets[tier.kind] ?? targets['*']
  );
}

function when(iso: string | undefined, now: DateTime): string {
  return iso ? DateTime.fromISO(iso).toRelative({ base: now }) ?? iso : '';
}

/**
 * What a tier's drills prove: its last proven restore and last drill, and
 * findings — a newest finished drill that failed (critical until a later
 * one passes), a tier drilled on a schedule with no passed drill within
 * the window (warning), a passed drill slower than the RTO target
 * (warning). Pure: the same evidence gives the same tier.
 */
export function drillVerdict(
  tier: Tier,
  cluster: string,
  evidence: DrillEvidence,
): Tier {
  const mine = evidence.records.filter(
    r =>
      r.cluster === cluster &&
      r.tier.kind === tier.kind &&
      r.tier.name === tier.name,
  );
  const latest = mine[0];
  const passed = mine.find(r => r.outcome === 'passed');
  const finished = mine.find(
    r => r.outcome === 'passed' || r.outcome === 'failed',
  );
  const target = rtoTarget(evidence.rtoTargets, tier);
  const findings: Finding[] = [];
  if (finished?.outcome === 'failed')
    findings.push(
      finding(
        'drill.failed',
        'critical',
        `The restore drill of ${when(
          finished.startedAt ?? finished.createdAt,
          evidence.now,
        )} failed${
          finished.failureReason ? `: ${finished.failureReason}` : ''
        }`,
      ),
    );
  const windowStart = evidence.now.minus({ seconds: evidence.windowSeconds });
  if (
    evidence.scheduled(tier) &&
    !(passed?.finishedAt && DateTime.fromISO(passed.finishedAt) >= windowStart)
  )
    findings.push(
      finding(
        'drill.none',
        'warning',
        `No restore drill passed in the last ${humanDuration(
          evidence.windowSeconds,
        )}${
          passed?.finishedAt
            ? ` (the last one ${when(passed.finishedAt, evidence.now)})`
            : ''
        }`,
      ),
    );
  if (
    passed?.rtoSeconds !== undefined &&
    target !== undefined &&
    passed.rtoSeconds > target
  )
    findings.push(
      finding(
        'drill.rto.exceeded',
        'warning',
        `The last passed drill took ${humanDuration(
          passed.rtoSeconds,
        )} to restore, over the RTO target of ${humanDuration(target)}`,
      ),
    );
  const proven: ProvenRestore | undefined =
    passed?.finishedAt &&
    passed.recoveryPoint &&
    passed.rtoSeconds !== undefined
      ? {
          drillId: passed.id,
          at: passed.finishedAt,
          recoveryPoint: passed.recoveryPoint,
          ...(passed.source ? { source: passed.source } : {}),
          rtoSeconds: passed.rtoSeconds,
          ...(target !== undefined ? { rtoTargetSeconds: target } : {}),
        }
      : undefined;
  return {
    ...tier,
    status: worstStatus([tier.status, ...findings.map(f => f.status)]),
    reasons: [...tier.reasons, ...findings.map(f => f.message)],
    findings: [...(tier.findings ?? []), ...findings],
    ...(proven ? { lastProvenRestore: proven } : {}),
    ...(latest
      ? {
          lastDrill: {
            id: latest.id,
            startedAt: latest.startedAt ?? latest.createdAt,
            ...(latest.finishedAt ? { finishedAt: latest.finishedAt } : {}),
            outcome: latest.outcome,
            ...(latest.failureReason
              ? { failureReason: latest.failureReason }
              : {}),
          },
        }
      : {}),
  };
}

/** `backups.backstage.io/rto-target`: one duration for every tier, or `kind[/name]=duration` pairs. */
export function parseRtoAnnotation(
  value: string | undefined,
  parse: (d: string) => number | undefined,
): { targets: Record<string, number>; problems: string[] } {
  const text = value?.trim();
  if (!text) return { targets: {}, problems: [] };
  if (!text.includes('=')) {
    const seconds = parse(text);
    return seconds === undefined
      ? {
          targets: {},
          problems: [
            `backups.backstage.io/rto-target: ignored "${text}": expected a duration, e.g. 1h, or kind[/name]=duration pairs`,
          ],
        }
      : { targets: { '*': seconds }, problems: [] };
  }
  return parseTierDurations(
    'backups.backstage.io/rto-target',
    text,
    parse,
    'velero=2h',
  );
}
