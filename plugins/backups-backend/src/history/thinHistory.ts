import {
  keepWorstPerBucket,
  type HistoryPoint,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';

/**
 * Keeps at most `maxPoints` points per tier of the range, the worst RPO
 * actual of each bucket, in the store's order (time, then cluster and
 * tier); `bucketSeconds` is set when a tier had more.
 */
export function thinHistory(
  items: HistoryPoint[],
  range: { from: DateTime; to: DateTime },
  maxPoints: number,
): { items: HistoryPoint[]; bucketSeconds?: number } {
  const byTier = new Map<string, HistoryPoint[]>();
  for (const point of items) {
    const key = `${point.cluster}/${point.tier.kind}/${point.tier.name}`;
    const tier = byTier.get(key);
    if (tier) tier.push(point);
    else byTier.set(key, [point]);
  }
  if ([...byTier.values()].every(tier => tier.length <= maxPoints))
    return { items };
  const from = range.from.toMillis();
  const width = (range.to.toMillis() - from) / maxPoints;
  const kept = new Set<HistoryPoint>();
  for (const tier of byTier.values())
    for (const point of tier.length > maxPoints
      ? keepWorstPerBucket(tier, {
          time: p => DateTime.fromISO(p.at).toMillis(),
          value: p => p.rpoActualSeconds,
          from,
          width,
        })
      : tier)
      kept.add(point);
  return {
    items: items.filter(point => kept.has(point)),
    bucketSeconds: width / 1000,
  };
}
