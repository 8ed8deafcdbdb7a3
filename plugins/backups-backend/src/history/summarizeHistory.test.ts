import type { HistoryPoint } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { summarizeHistory } from './summarizeHistory';

const t0 = DateTime.fromISO('2026-11-01T00:00:00Z', { zone: 'utc' });
const at = (minutes: number) => t0.plus({ minutes }).toISO()!;

function point(
  minutes: number,
  actual: number | null,
  overrides: Partial<HistoryPoint> = {},
): HistoryPoint {
  return {
    at: at(minutes),
    cluster: 'demo',
    tier: { kind: 'velero', name: 'odoo-daily' },
    status: 'healthy',
    rpoActualSeconds: actual,
    rpoTargetSeconds: 100,
    ...overrides,
  };
}

describe('summarizeHistory', () => {
  const options = { intervalSeconds: 15 * 60, end: t0.plus({ hours: 10 }) };

  it('weighs each point until the next one', () => {
    const [summary] = summarizeHistory(
      [point(0, 50), point(15, 150), point(30, 100)],
      options,
    );
    expect(summary).toEqual({
      cluster: 'demo',
      tier: { kind: 'velero', name: 'odoo-daily' },
      points: 3,
      observedSeconds: 45 * 60,
      metSeconds: 30 * 60,
      share: 2 / 3,
    });
  });

  it('does not count a gap longer than the interval as observed', () => {
    const [summary] = summarizeHistory(
      [point(0, 50), point(120, 150)],
      options,
    );
    expect(summary.observedSeconds).toBe(30 * 60);
    expect(summary.share).toBe(0.5);
  });

  it('stops the last point at the end of the range', () => {
    const [summary] = summarizeHistory([point(0, 50)], {
      ...options,
      end: t0.plus({ minutes: 5 }),
    });
    expect(summary.observedSeconds).toBe(5 * 60);
    expect(summary.share).toBe(1);
  });

  it('counts an unknown RPO as not meeting the target', () => {
    const [summary] = summarizeHistory(
      [point(0, null), point(15, 50, { rpoTargetSeconds: null })],
      options,
    );
    expect(summary.metSeconds).toBe(0);
    expect(summary.share).toBe(0);
  });

  it('summarizes each tier of each cluster apart', () => {
    const cnpg = { tier: { kind: 'cnpg' as const, name: 'odoo-pg' } };
    const summaries = summarizeHistory(
      [
        point(0, 50),
        point(0, 500, cnpg),
        point(0, 50, { cluster: 'other' }),
        point(15, 50, cnpg),
      ],
      options,
    );
    expect(
      summaries.map(s => [s.cluster, s.tier.name, s.points, s.share]),
    ).toEqual([
      ['demo', 'odoo-daily', 1, 1],
      ['demo', 'odoo-pg', 2, 0.5],
      ['other', 'odoo-daily', 1, 1],
    ]);
  });

  it('has no share when nothing was observed', () => {
    const [summary] = summarizeHistory([point(0, 50)], { ...options, end: t0 });
    expect(summary.share).toBeNull();
  });
});
