import type {
  BackupsHistory,
  HistoryDrill,
  HistoryPoint,
  HistoryTierSummary,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';

/** One sample of a tier's chart; null values break the line (a gap). */
export type ChartSample = {
  t: number;
  actual: number | null;
  target: number | null;
};

/** What one tier's chart shows. */
export type TierSeries = {
  key: string;
  summary: HistoryTierSummary;
  samples: ChartSample[];
  drills: Array<HistoryDrill & { t: number }>;
};

/** More samples than this are merged (keeping each bucket's worst RPO). */
export const MAX_SAMPLES = 400;

const millis = (iso: string) => DateTime.fromISO(iso).toMillis();

function sample(point: HistoryPoint): ChartSample {
  return {
    t: millis(point.at),
    actual: point.rpoActualSeconds,
    target: point.rpoTargetSeconds,
  };
}

/** Keeps, per time bucket, the sample with the largest RPO actual. */
function downsample(samples: ChartSample[], from: number, to: number) {
  if (samples.length <= MAX_SAMPLES) return samples;
  const width = (to - from) / MAX_SAMPLES;
  const buckets = new Map<number, ChartSample>();
  for (const s of samples) {
    const bucket = Math.floor((s.t - from) / width);
    const kept = buckets.get(bucket);
    if (!kept || (s.actual ?? -1) > (kept.actual ?? -1)) buckets.set(bucket, s);
  }
  return [...buckets.values()].sort((a, b) => a.t - b.t);
}

/** Breaks the line where no point was recorded for longer than two intervals. */
function withGaps(samples: ChartSample[], intervalMs: number) {
  return samples.flatMap((s, i) => {
    const next = samples[i + 1];
    return next && next.t - s.t > 2 * intervalMs
      ? [s, { t: s.t + intervalMs, actual: null, target: null }]
      : [s];
  });
}

/** The history answer as one chart per tier, in the order of its summary. */
export function historySeries(history: BackupsHistory): TierSeries[] {
  const from = millis(history.from);
  const to = millis(history.to);
  const intervalMs = history.intervalSeconds * 1000;
  return history.summary.map(summary => {
    const { cluster, tier } = summary;
    const samples = history.items
      .filter(
        p =>
          p.cluster === cluster &&
          p.tier.kind === tier.kind &&
          p.tier.name === tier.name,
      )
      .map(sample)
      .sort((a, b) => a.t - b.t);
    return {
      key: `${cluster}/${tier.kind}/${tier.name}`,
      summary,
      samples: withGaps(downsample(samples, from, to), intervalMs),
      drills: (history.drills ?? [])
        .filter(d => d.tier.kind === tier.kind && d.tier.name === tier.name)
        .map(d => ({ ...d, t: millis(d.at) })),
    };
  });
}

/** "99.5%", or "–" when nothing was observed. */
export function formatShare(share: number | null): string {
  if (share === null) return '–';
  const percent = share * 100;
  return `${percent === 100 || percent === 0 ? percent : percent.toFixed(1)}%`;
}
