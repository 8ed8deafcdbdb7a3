import { refreshDelay } from './refreshDelay';

describe('refreshDelay', () => {
  const base = { available: true, refreshIntervalSeconds: 60 };

  it('follows a running restore every 5s, even with auto-refresh off', () => {
    expect(refreshDelay({ ...base, restores: [{ phase: 'New' }] })).toBe(5000);
    expect(
      refreshDelay({
        ...base,
        refreshIntervalSeconds: 0,
        restores: [{ phase: 'Completed' }, { phase: 'Finalizing' }],
      }),
    ).toBe(5000);
  });

  it('keeps the configured pace when every restore has ended', () => {
    const restores = ['Completed', 'PartiallyFailed', 'Failed'].map(phase => ({
      phase,
    }));
    expect(refreshDelay({ ...base, restores })).toBe(60_000);
    expect(
      refreshDelay({ ...base, refreshIntervalSeconds: 0, restores }),
    ).toBeNull();
  });

  it('never refreshes a tab that does not apply', () => {
    expect(
      refreshDelay({ ...base, available: false, restores: [{ phase: 'New' }] }),
    ).toBeNull();
  });
});
