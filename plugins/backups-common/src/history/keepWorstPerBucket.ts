/**
 * Merges a time series into buckets of `width` ms from `from`, keeping in
 * each bucket the item with the largest value (a missing value counts as
 * the smallest), oldest first: a chart of RPO over months keeps every
 * spike at the resolution it can draw. Used by the history API
 * (`maxPoints`) and by the tab's chart.
 */
export function keepWorstPerBucket<T>(
  items: T[],
  options: {
    time: (item: T) => number;
    value: (item: T) => number | null;
    from: number;
    width: number;
  },
): T[] {
  const { time, value, from, width } = options;
  const buckets = new Map<number, { item: T; t: number }>();
  for (const item of items) {
    const t = time(item);
    const bucket = Math.floor((t - from) / width);
    const kept = buckets.get(bucket);
    if (!kept || (value(item) ?? -1) > (value(kept.item) ?? -1))
      buckets.set(bucket, { item, t });
  }
  return [...buckets.values()].sort((a, b) => a.t - b.t).map(k => k.item);
}
