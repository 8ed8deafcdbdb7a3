import type { TierStatus } from '@internal/plugin-backups-common';
import { statusChange } from './statusChange';

describe('statusChange', () => {
  it('takes the first known status as the baseline, without a change', () => {
    expect(statusChange(undefined, 'critical')).toEqual({
      next: { status: 'critical', knownStatus: 'critical' },
    });
    expect(statusChange({ status: 'unknown' }, 'warning')).toEqual({
      next: { status: 'warning', knownStatus: 'warning' },
    });
    expect(statusChange(undefined, 'unknown')).toEqual({
      next: { status: 'unknown' },
    });
  });

  it.each<[TierStatus, TierStatus, string | undefined]>([
    ['healthy', 'warning', 'worsened'],
    ['healthy', 'critical', 'worsened'],
    ['warning', 'critical', 'worsened'],
    ['warning', 'healthy', 'resolved'],
    ['critical', 'healthy', 'resolved'],
    ['critical', 'warning', undefined],
    ['healthy', 'healthy', undefined],
    ['critical', 'critical', undefined],
  ])('%s → %s: %s', (from, to, kind) => {
    const { next, change } = statusChange(
      { status: from, knownStatus: from },
      to,
    );
    expect(next).toEqual({ status: to, knownStatus: to });
    expect(change).toEqual(kind ? { kind, from, to } : undefined);
  });

  it('tells nothing on unknown, and keeps the last known status', () => {
    expect(
      statusChange({ status: 'healthy', knownStatus: 'healthy' }, 'unknown'),
    ).toEqual({ next: { status: 'unknown', knownStatus: 'healthy' } });
  });

  it('measures a change after unknown from the last known status', () => {
    const afterHealthy = {
      status: 'unknown' as const,
      knownStatus: 'healthy' as const,
    };
    const afterCritical = {
      status: 'unknown' as const,
      knownStatus: 'critical' as const,
    };
    expect(statusChange(afterHealthy, 'healthy').change).toBeUndefined();
    expect(statusChange(afterHealthy, 'critical').change).toEqual({
      kind: 'worsened',
      from: 'healthy',
      to: 'critical',
    });
    expect(statusChange(afterCritical, 'healthy').change).toEqual({
      kind: 'resolved',
      from: 'critical',
      to: 'healthy',
    });
  });
});
