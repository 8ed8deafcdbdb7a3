import {
  cronLongestIntervalSeconds,
  cronNextRun,
  describeCron,
  parseCron,
  type CronDialect,
  type CronInfo,
  type CronSchedule,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';

/**
 * A schedule as its controller reads it, for the wire and for the rules:
 * words, the longest interval, the next run after `now`, or why it fails.
 */
export function cronInfo(
  role: CronInfo['role'],
  source: string,
  expression: string,
  dialect: CronDialect,
  now: DateTime,
): { info: CronInfo; schedule?: CronSchedule; intervalSeconds?: number } {
  const parsed = parseCron(expression, dialect);
  if (!parsed.ok) {
    return {
      info: { role, source, expression, dialect, error: parsed.error },
    };
  }
  const schedule = parsed.schedule;
  const interval = cronLongestIntervalSeconds(schedule);
  const next = cronNextRun(schedule, now.toJSDate());
  return {
    schedule,
    intervalSeconds: interval,
    info: {
      role,
      source,
      expression,
      dialect,
      timeZone: schedule.timeZone,
      description: describeCron(schedule),
      longestIntervalSeconds: interval,
      nextRun: next
        ? DateTime.fromJSDate(next)
            .toUTC()
            .toISO({ suppressMilliseconds: true }) ?? undefined
        : undefined,
      ...(interval === undefined
        ? { error: 'the expression is valid but names no date that exists' }
        : {}),
    },
  };
}
