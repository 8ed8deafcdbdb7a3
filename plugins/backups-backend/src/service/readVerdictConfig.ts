import { Config } from '@backstage/config';
import type { TierKind } from '@internal/plugin-backups-common';
import { parseDuration } from '../verdict/parseDuration';

const DEFAULT_GRACE_SECONDS = 2 * 3600;
const DEFAULT_PITR_TARGET_SECONDS = 300;

function duration(config: Config, key: string): number | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const seconds = parseDuration(String(value));
  if (seconds === undefined) {
    throw new Error(
      `Invalid duration "${value}" at ${key}: use a number of seconds or e.g. "26h", "10m"`,
    );
  }
  return seconds;
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
    configTargets,
  };
}
