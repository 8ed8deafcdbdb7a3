import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** `backups.history.*`: how often the history task records, and for how long records are kept. */
export type HistorySettings = {
  enabled: boolean;
  interval: HumanDuration;
  initialDelay: HumanDuration;
  retention: HumanDuration;
  intervalSeconds: number;
};

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  if (!config.has(key)) return fallback;
  const value = readDurationFromConfig(config, { key });
  if (!(durationToMilliseconds(value) > 0))
    throw new Error(`${key} must be a positive duration`);
  return value;
}

/** Reads `backups.history`; a bad value fails at startup. */
export function readHistorySettings(config: Config): HistorySettings {
  const interval = duration(config, 'backups.history.interval', {
    minutes: 15,
  });
  const retention = duration(config, 'backups.history.retention', {
    days: 90,
  });
  if (durationToMilliseconds(retention) < durationToMilliseconds(interval))
    throw new Error(
      'backups.history.retention must be longer than backups.history.interval',
    );
  return {
    enabled: config.getOptionalBoolean('backups.history.enabled') ?? true,
    interval,
    initialDelay: duration(config, 'backups.history.initialDelay', {
      minutes: 1,
    }),
    retention,
    intervalSeconds: Math.round(durationToMilliseconds(interval) / 1000),
  };
}
