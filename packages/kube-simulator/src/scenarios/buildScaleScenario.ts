import { withManagedFields } from './fixtures/managedFields';
import { dailyTtl, scaleApp } from './fixtures/scaleApps';
import { storage } from './fixtures/storage';
import { Clock } from './fixtures/time';
import { buildScenario, podMetrics } from './buildScenario';
import { Scenario } from './Scenario';

/** The size of a scale scenario. */
export type ScaleOptions = {
  /** Velero Backups in all: the manual odoo-test one and those of the schedules. */
  backups: number;
  /** Daily Schedules, one per app and namespace; odoo-daily is the first. */
  schedules: number;
};

/** The fewest runs a schedule may keep (the seed's manual backup follows the 4th). */
const MIN_RUNS = 4;

/** How many runs each schedule keeps: as even as possible, odoo-daily first. */
export function scheduleShares(options: ScaleOptions): number[] {
  const { backups, schedules } = options;
  if (!Number.isInteger(schedules) || schedules < 1)
    throw new Error('scale: schedules must be a positive integer');
  const scheduled = backups - 1;
  if (!Number.isInteger(backups) || scheduled < MIN_RUNS * schedules)
    throw new Error(
      `scale: ${schedules} schedules need at least ${
        MIN_RUNS * schedules + 1
      } backups`,
    );
  const each = Math.floor(scheduled / schedules);
  const extra = scheduled % schedules;
  return Array.from(
    { length: schedules },
    (_, i) => each + (i < extra ? 1 : 0),
  );
}

/**
 * The healthy Odoo cluster in a fleet: `schedules - 1` more apps, each in
 * its own namespace with a daily Schedule, and `backups` Velero Backups
 * over all schedules (plus Odoo's manual one), each kept by a TTL that
 * covers its schedule's history. Every object carries the
 * `metadata.managedFields` an API server records, and those applied with
 * `kubectl apply` its last-applied annotation: the sizes of a real
 * cluster's LISTs. Only the newest Odoo backups have an archive in the
 * bucket (restores of older ones fail to download, as after a bucket
 * lifecycle rule).
 */
export function buildScaleScenario(
  options: ScaleOptions & { now: Date },
): Scenario {
  const shares = scheduleShares(options);
  const clock = new Clock(options.now);
  const odoo = buildScenario('healthy', options.now, {
    runs: shares[0],
    ttl: dailyTtl(shares[0]),
  });
  const classes = storage(clock);
  const fleet = shares
    .slice(1)
    .flatMap((runs, i) => scaleApp(clock, i + 1, runs, classes));
  const objects = [
    ...odoo.objects,
    ...fleet,
    ...podMetrics(fleet, options.now),
  ];
  return { ...odoo, objects: objects.map(withManagedFields) };
}
