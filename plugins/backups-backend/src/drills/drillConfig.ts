import { Config, readDurationFromConfig } from '@backstage/config';
import {
  parseCron,
  TierKind,
  VELERO_CRON_DIALECT,
} from '@internal/plugin-backups-common';
import { durationToMilliseconds } from '@backstage/types';

/** `backups.drills.*`: the defaults every entity's drill policy starts from. */
export type DrillConfig = {
  /** Drills at all: the API, the scheduled drills and the janitor. */
  enabled: boolean;
  /** A 5-field cron (UTC) for scheduled drills; absent: on demand only. */
  schedule?: string;
  /** The tier kinds drilled when a policy names none. */
  tiers: TierKind[];
  timeLimitSeconds: number;
  /** Drills running at once in one cluster; more wait, queued. */
  concurrency: number;
  /** Finished drill records older than this are deleted. */
  retentionSeconds: number;
  /** Deployments and StatefulSets a Velero drill keeps at their replicas. */
  keepRunning: string[];
  /** A scheduled tier without a passed drill within this is a warning. */
  windowSeconds: number;
  /** How often running drills are advanced. */
  intervalSeconds: number;
  /** How long after its time limit the janitor deletes what a drill left. */
  cleanupGraceSeconds: number;
};

export const DRILLABLE_KINDS: TierKind[] = ['velero', 'cnpg', 'volsync'];

function seconds(config: Config, key: string, fallback: number): number {
  if (!config.has(key)) return fallback;
  return durationToMilliseconds(readDurationFromConfig(config, { key })) / 1000;
}

/** Reads `backups.drills`; a bad value stops the backend at start. */
export function readDrillConfig(config: Config): DrillConfig {
  const schedule = config.getOptionalString('backups.drills.schedule');
  if (schedule) {
    const parsed = parseCron(schedule, VELERO_CRON_DIALECT);
    if (!parsed.ok)
      throw new Error(
        `backups.drills.schedule: "${schedule}" is not a 5-field cron: ${parsed.error}`,
      );
  }
  const tiers = (config.getOptionalStringArray('backups.drills.tiers') ??
    DRILLABLE_KINDS) as TierKind[];
  for (const kind of tiers)
    if (!DRILLABLE_KINDS.includes(kind))
      throw new Error(
        `backups.drills.tiers: "${kind}" cannot be drilled; use ${DRILLABLE_KINDS.join(
          ', ',
        )}`,
      );
  const concurrency =
    config.getOptionalNumber('backups.drills.concurrency') ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error('backups.drills.concurrency: a whole number, 1 or more');
  return {
    enabled: config.getOptionalBoolean('backups.drills.enabled') ?? true,
    schedule: schedule || undefined,
    tiers,
    timeLimitSeconds: seconds(config, 'backups.drills.timeLimit', 30 * 60),
    concurrency,
    retentionSeconds: seconds(
      config,
      'backups.drills.retention',
      365 * 24 * 3600,
    ),
    keepRunning:
      config.getOptionalStringArray('backups.drills.keepRunning') ?? [],
    windowSeconds: seconds(config, 'backups.drills.window', 30 * 24 * 3600),
    intervalSeconds: seconds(config, 'backups.drills.interval', 10),
    cleanupGraceSeconds: seconds(
      config,
      'backups.drills.cleanupGrace',
      15 * 60,
    ),
  };
}
