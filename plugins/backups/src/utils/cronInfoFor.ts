import {
  cronNextRun,
  describeCron,
  parseCron,
  type CronInfo,
} from '@internal/plugin-backups-common';

/**
 * The server's `CronInfo` for a schedule when the overview carries one;
 * otherwise the same facts from `-common`'s cron implementation, for objects
 * the server lists without it (or an older server).
 */
export function cronInfoFor(
  known: CronInfo[],
  wanted: Pick<CronInfo, 'role' | 'source' | 'expression' | 'dialect'>,
  now: Date = new Date(),
): CronInfo {
  const found = known.find(
    info =>
      info.role === wanted.role &&
      info.source === wanted.source &&
      info.expression === wanted.expression,
  );
  if (found) return found;
  const parsed = parseCron(wanted.expression, wanted.dialect);
  if (!parsed.ok) return { ...wanted, error: parsed.error };
  return {
    ...wanted,
    timeZone: parsed.schedule.timeZone,
    description: describeCron(parsed.schedule),
    nextRun: cronNextRun(parsed.schedule, now)?.toISOString(),
  };
}
