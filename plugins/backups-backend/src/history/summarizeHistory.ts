import type {
  HistoryPoint,
  HistoryTierSummary,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';

function meetsTarget(point: HistoryPoint): boolean {
  const { rpoActualSeconds: actual, rpoTargetSeconds: target } = point;
  return actual !== null && target !== null && actual <= target;
}

/**
 * Per tier, how long it met its RPO target. A point stands until the next
 * one of its tier, at most `intervalSeconds` (a longer gap, e.g. a stopped
 * backend, is not observed time), and not past `end`.
 */
export function summarizeHistory(
  points: HistoryPoint[],
  options: { intervalSeconds: number; end: DateTime },
): HistoryTierSummary[] {
  const series = new Map<string, HistoryPoint[]>();
  for (const point of points) {
    const key = JSON.stringify([
      point.cluster,
      point.tier.kind,
      point.tier.name,
    ]);
    series.set(key, [...(series.get(key) ?? []), point]);
  }
  const end = options.end.toMillis();
  return [...series.values()].map(tierPoints => {
    const sorted = [...tierPoints].sort((a, b) => a.at.localeCompare(b.at));
    let observedMs = 0;
    let metMs = 0;
    sorted.forEach((point, i) => {
      const start = DateTime.fromISO(point.at).toMillis();
      const next = sorted[i + 1]
        ? DateTime.fromISO(sorted[i + 1].at).toMillis()
        : Infinity;
      const stop = Math.min(next, start + options.intervalSeconds * 1000, end);
      const span = Math.max(0, stop - start);
      observedMs += span;
      if (meetsTarget(point)) metMs += span;
    });
    const [{ cluster, tier }] = sorted;
    return {
      cluster,
      tier,
      points: sorted.length,
      observedSeconds: Math.round(observedMs / 1000),
      metSeconds: Math.round(metMs / 1000),
      share: observedMs > 0 ? metMs / observedMs : null,
    };
  });
}
