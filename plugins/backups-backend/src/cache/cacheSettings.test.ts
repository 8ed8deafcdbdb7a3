import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readCacheSettings } from './cacheSettings';

const read = (cache?: JsonObject) =>
  readCacheSettings(new ConfigReader(cache ? { backups: { cache } } : {}));

describe('readCacheSettings', () => {
  it('is on by default, with bounds an SRE can reason about', () => {
    expect(read()).toEqual({
      enabled: true,
      staleAfterMs: 120_000,
      warmupTimeoutMs: 5_000,
      pollIntervalMs: 30_000,
      watchTimeoutSeconds: 300,
      retryInitialMs: 1_000,
      retryMaxMs: 30_000,
    });
  });

  it('reads milliseconds and Backstage durations', () => {
    expect(
      read({
        enabled: false,
        staleAfter: '5m',
        pollInterval: { seconds: 10 },
        warmupTimeout: 250,
      }),
    ).toMatchObject({
      enabled: false,
      staleAfterMs: 300_000,
      pollIntervalMs: 10_000,
      warmupTimeoutMs: 250,
    });
  });

  it('refuses a poll interval that would make polled data always stale', () => {
    expect(() => read({ staleAfter: '30s', pollInterval: '1m' })).toThrow(
      /pollInterval must be shorter than backups.cache.staleAfter/,
    );
  });

  it('refuses a duration that is not positive', () => {
    expect(() => read({ staleAfter: 0 })).toThrow(
      /staleAfter must be a positive duration/,
    );
  });
});
