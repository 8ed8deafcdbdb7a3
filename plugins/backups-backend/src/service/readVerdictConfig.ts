import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import type { TierKind } from '@internal/plugin-backups-common';

const DEFAULT_GRACE_SECONDS = 2 * 3600;
const DEFAULT_PITR_TARGET_SECONDS = 300;
const DEFAULT_PROGRESSING_GRACE_SECONDS = 15 * 60;

/**
 * A duration from config, in seconds: a number of seconds, or whatever
 * Backstage's readDurationFromConfig reads ("26h", "PT26H", { hours: 26 }).
 */
function duration(config: Config, key: string): number | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  return durationToMilliseconds(readDurationFromConfig(config, { key })) / 1000;
}

/**
 * A duration written by people outside config, e.g. in an annotation
 * ("26h", "10m", "7d"), read by the same Backstage helper; undefined if invalid.
 */
export function parseDurationText(text: string): number | undefined {
  try {
    const seconds =
      durationToMilliseconds(
        readDurationFromConfig(new ConfigReader({ value: text }), {
          key: 'value',
        }),
      ) / 1000;
    return seconds > 0 ? seconds : undefined;
  } catch {
    return undefined;
  }
}

/** RPO settings under `backups.rpo`; bad values fail at startup, not per request. */
export function readVerdictConfig(config: Config) {
  const configTargets: Partial<Record<TierKind, number>> = {};
  for (const kind of ['cnpg', 'velero', 'volsync'] as const) {
    const seconds = duration(config, `backups.rpo.targets.${kind}`);
    if (seconds !== undefined) configTargets[kind] = seconds;
  }
  return {
    graceSeconds:
      duration(config, 'backups.rpo.grace') ?? DEFAULT_GRACE_SECONDS,
    pitrTargetSeconds:
      duration(config, 'backups.rpo.pitrTarget') ?? DEFAULT_PITR_TARGET_SECONDS,
    progressingGraceSeconds:
      duration(config, 'backups.flux.progressingGrace') ??
      DEFAULT_PROGRESSING_GRACE_SECONDS,
    configTargets,
  };
}
