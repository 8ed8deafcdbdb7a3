import { DateTime } from 'luxon';
import { historyAnswer } from '../../__fixtures__/historyFixtures';
import {
  dayTicks,
  durationTicks,
  formatShare,
  historySeries,
  MAX_SAMPLES,
} from './historySeries';

describe('historySeries', () => {
  it('gives each tier of the summary its samples, oldest first', () => {
    const [velero, cnpg] = historySeries(historyAnswer());
    expect(velero.key).toBe('demo/velero/odoo-daily');
    expect(velero.samples.map(s => s.actual)).toEqual([3600, 100000, 7200]);
    expect(cnpg.samples.map(s => s.actual)).toEqual([60, 120, null]);
    expect(cnpg.samples.every(s => s.target === 300)).toBe(true);
  });

  it('breaks the line where nothing was recorded for longer than two intervals', () => {
    const answer = historyAnswer();
    answer.items = answer.items.filter(p => p.tier.kind === 'velero');
    const [velero] = historySeries(answer);
    // The points are 15 minutes apart: no gap at twice 15 minutes.
    expect(velero.samples).toHaveLength(3);
    answer.intervalSeconds = 300;
    const [gapped] = historySeries(answer);
    expect(gapped.samples.map(s => s.actual)).toEqual([
      3600,
      null,
      100000,
      null,
      7200,
    ]);
  });

  it('keeps the worst RPO of each bucket when there are too many points', () => {
    const answer = historyAnswer();
    const from = DateTime.fromISO(answer.from);
    answer.intervalSeconds = 60;
    answer.items = Array.from({ length: 3 * MAX_SAMPLES }, (_, i) => ({
      at: from
        .plus({ minutes: 30 * 24 * 60 * (i / (3 * MAX_SAMPLES)) })
        .toISO()!,
      cluster: 'demo',
      tier: { kind: 'velero', name: 'odoo-daily' },
      status: 'healthy',
      rpoActualSeconds: i === 1000 ? 999999 : 10,
      rpoTargetSeconds: 93600,
    }));
    const [velero] = historySeries(answer);
    const drawn = velero.samples.filter(s => s.actual !== null);
    expect(drawn.length).toBeLessThanOrEqual(MAX_SAMPLES);
    expect(drawn.some(s => s.actual === 999999)).toBe(true);
  });

  it('draws 30 days recorded every 15 minutes as one line, merged into buckets, and still breaks it where a day is missing', () => {
    const answer = historyAnswer();
    const from = DateTime.fromISO(answer.from);
    answer.intervalSeconds = 900;
    const recorded = Array.from({ length: 30 * 96 }, (_, i) => ({
      at: from.plus({ minutes: 15 * i }).toISO()!,
      cluster: 'demo',
      tier: { kind: 'velero' as const, name: 'odoo-daily' },
      status: 'healthy' as const,
      rpoActualSeconds: 3600,
      rpoTargetSeconds: 93600,
    }));
    answer.items = recorded;
    const [continuous] = historySeries(answer);
    expect(continuous.samples.length).toBeLessThanOrEqual(MAX_SAMPLES);
    expect(continuous.samples.length).toBeGreaterThan(MAX_SAMPLES / 2);
    expect(continuous.samples.filter(s => s.actual === null)).toEqual([]);

    // Day 10 not recorded (a stopped backend): one break in the line.
    answer.items = recorded.filter((_, i) => i < 9 * 96 || i >= 10 * 96);
    const [broken] = historySeries(answer);
    expect(broken.samples.filter(s => s.actual === null)).toHaveLength(1);
  });

  it('reads points the backend merged as a bucket apart, not as gaps', () => {
    const answer = historyAnswer();
    const from = DateTime.fromISO(answer.from);
    answer.intervalSeconds = 900;
    answer.bucketSeconds = (30 * 86400) / 100;
    answer.items = Array.from({ length: 100 }, (_, i) => ({
      at: from.plus({ seconds: answer.bucketSeconds! * i }).toISO()!,
      cluster: 'demo',
      tier: { kind: 'velero' as const, name: 'odoo-daily' },
      status: 'healthy' as const,
      rpoActualSeconds: 3600,
      rpoTargetSeconds: 93600,
    }));
    const [velero] = historySeries(answer);
    expect(velero.samples).toHaveLength(100);
    expect(velero.samples.filter(s => s.actual === null)).toEqual([]);
  });

  it('puts each drill on its own tier', () => {
    const [velero, cnpg] = historySeries(
      historyAnswer({
        drills: [
          {
            at: '2026-11-30T10:30:00Z',
            tier: { kind: 'cnpg', name: 'odoo-pg' },
            outcome: 'failed',
          },
        ],
      }),
    );
    expect(velero.drills).toEqual([]);
    expect(cnpg.drills).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        t: DateTime.fromISO('2026-11-30T10:30:00Z').toMillis(),
      }),
    ]);
  });
});

describe('formatShare', () => {
  it.each([
    [1, '100%'],
    [0, '0%'],
    [2 / 3, '66.7%'],
    [null, '–'],
  ])('%s is %s', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });
});

describe('durationTicks', () => {
  const at = (actual: number | null, target: number | null) => [
    { t: 0, actual, target },
  ];

  it.each([
    [at(60, 300), [0, 300, 600]],
    [at(3600, 93600), [0, 43200, 86400, 129600]],
    [at(43200, null), [0, 21600, 43200, 64800]],
    [at(null, null), [0, 60, 120]],
  ])('%j → %j', (samples, ticks) => {
    expect(durationTicks(samples)).toEqual(ticks);
  });
});

describe('dayTicks', () => {
  const to = DateTime.fromISO('2026-11-30T12:00:00Z');
  const days = (ticks: number[]) =>
    ticks.map(t => DateTime.fromMillis(t, { zone: 'utc' }).toISODate());

  it('marks every week of 30 days', () => {
    expect(
      days(dayTicks(to.minus({ days: 30 }).toMillis(), to.toMillis())),
    ).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
  });

  it('marks every other week of 90 days', () => {
    expect(
      days(dayTicks(to.minus({ days: 90 }).toMillis(), to.toMillis())),
    ).toEqual([
      '2026-09-07',
      '2026-09-21',
      '2026-10-05',
      '2026-10-19',
      '2026-11-02',
      '2026-11-16',
      '2026-11-30',
    ]);
  });
});
