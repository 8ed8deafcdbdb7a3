import {
  keepWorstPerBucket,
  type BackupsHistory,
  type HistoryDrill,
  type HistoryPoint,
  type HistoryTierSummary,
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

/** How long one bucket of `downsample` is; 0 when the samples are kept as they are. */
function bucketWidth(count: number, from: number, to: number): number {
  return count <= MAX_SAMPLES ? 0 : (to - from) / MAX_SAMPLES;
}

/** Keeps, per time bucket, the sample with the largest RPO actual. */
function downsample(samples: ChartSample[], from: number, width: number) {
  if (width === 0) return samples;
  return keepWorstPerBucket(samples, {
    time: s => s.t,
    value: s => s.actual,
    from,
    width,
  });
}

/**
 * Breaks the line where no point was recorded for longer than two
 * intervals — or two buckets, once merged: kept samples are a bucket apart.
 */
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
    const width = bucketWidth(samples.length, from, to);
    // Points the backend merged are a bucket of its own apart.
    const merged = (history.bucketSeconds ?? 0) * 1000;
    return {
      key: `${cluster}/${tier.kind}/${tier.name}`,
      summary,
      samples: withGaps(
        downsample(samples, from, width),
        Math.max(intervalMs, width, merged),
      ),
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

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DURATION_STEPS = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  30 * DAY,
];

/** Y ticks in round durations (5m, 6h, 1d, ...) from 0 past the largest value: at most 5 steps. */
export function durationTicks(samples: ChartSample[]): number[] {
  const max = Math.max(
    MINUTE,
    ...samples.flatMap(s => [s.actual ?? 0, s.target ?? 0]),
  );
  const step =
    DURATION_STEPS.find(candidate => max / candidate <= 4) ??
    Math.ceil(max / 4 / (30 * DAY)) * 30 * DAY;
  const count = Math.ceil(max / step) + (max % step === 0 ? 1 : 0);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

/** X ticks at the start of every `days`-th UTC day of the range, newest last. */
export function dayTicks(from: number, to: number): number[] {
  const span = (to - from) / (DAY * 1000);
  const every = span > 45 ? 14 : 7;
  const ticks: number[] = [];
  let day = DateTime.fromMillis(to, { zone: 'utc' }).startOf('day');
  while (day.toMillis() >= from) {
    ticks.unshift(day.toMillis());
    day = day.minus({ days: every });
  }
  return ticks;
}
