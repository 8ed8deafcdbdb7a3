import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** `backups.cache.*`: how the watch-fed cache keeps cluster state. */
export type CacheSettings = {
  /** Off: every overview LISTs (the per-request design). Default on. */
  enabled: boolean;
  /** Past this, data whose watch (or poll) is broken is `unknown`. Default 2 min. */
  staleAfterMs: number;
  /** The longest a request waits for caches still warming up. Default 5 s. */
  warmupTimeoutMs: number;
  /** LIST interval where watch is forbidden, or a kind is not served yet. Default 30 s. */
  pollIntervalMs: number;
  /** Asked of the API server on each watch, so that streams are renewed. Default 300 s. */
  watchTimeoutSeconds: number;
  /** Backoff after a failed list or watch: first delay, and its cap. */
  retryInitialMs: number;
  retryMaxMs: number;
};

/** Milliseconds from a number of ms or a Backstage duration ("2m", { minutes: 2 }). */
function millis(config: Config, key: string, fallback: number): number {
  const value = config.getOptional(key);
  if (value === undefined) return fallback;
  const ms =
    typeof value === 'number'
      ? value
      : durationToMilliseconds(readDurationFromConfig(config, { key }));
  if (!(ms > 0)) throw new Error(`${key} must be a positive duration`);
  return ms;
}

/** Reads `backups.cache`; a bad value fails at startup. */
export function readCacheSettings(config: Config): CacheSettings {
  const staleAfterMs = millis(config, 'backups.cache.staleAfter', 120_000);
  const pollIntervalMs = millis(config, 'backups.cache.pollInterval', 30_000);
  if (pollIntervalMs >= staleAfterMs)
    throw new Error(
      'backups.cache.pollInterval must be shorter than backups.cache.staleAfter, or polled sources are always stale',
    );
  return {
    enabled: config.getOptionalBoolean('backups.cache.enabled') ?? true,
    staleAfterMs,
    warmupTimeoutMs: millis(config, 'backups.cache.warmupTimeout', 5_000),
    pollIntervalMs,
    watchTimeoutSeconds: Math.round(
      millis(config, 'backups.cache.watchTimeout', 300_000) / 1000,
    ),
    retryInitialMs: millis(config, 'backups.cache.retryInitial', 1_000),
    retryMaxMs: millis(config, 'backups.cache.retryMax', 30_000),
  };
}
