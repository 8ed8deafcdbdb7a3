import { DateTime, IANAZone } from 'luxon';
import { CronSchedule } from './CronSchedule';

type Fields = NonNullable<CronSchedule['fields']>;

/** Long enough for a Feb 29 schedule to run twice; robfig itself gives up after 5 years. */
const HORIZON_DAYS = 9 * 366;
const EPOCH_MS = Date.UTC(2024, 0, 1);

function timesOfDay(fields: Fields): number[] {
  const times: number[] = [];
  for (const h of fields.hours)
    for (const m of fields.minutes)
      for (const s of fields.seconds) times.push(h * 3600 + m * 60 + s);
  return times.sort((a, b) => a - b);
}

/** robfig's `dayMatches`: AND when either field has the star bit, else OR. */
function dayMatches(
  fields: Fields,
  day: { month: number; day: number; weekday: number },
): boolean {
  if (!fields.months.includes(day.month)) return false;
  const dom = fields.daysOfMonth.includes(day.day);
  const dow = fields.daysOfWeek.includes(day.weekday % 7);
  return fields.dayOfMonthStar || fields.dayOfWeekStar
    ? dom && dow
    : dom || dow;
}

/** Calendar fields of the d-th UTC day after the epoch, without Luxon's cost in a loop. */
function utcDay(d: number) {
  const date = new Date(EPOCH_MS + d * 86_400_000);
  return {
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

function hasDaylightSaving(zone: string | undefined): boolean {
  if (!zone || !IANAZone.isValidZone(zone)) return false;
  const z = IANAZone.create(zone);
  return z.offset(Date.UTC(2025, 0, 1)) !== z.offset(Date.UTC(2025, 6, 1));
}

function longestUncached(schedule: CronSchedule): number | undefined {
  if (schedule.everySeconds !== undefined) return schedule.everySeconds;
  const fields = schedule.fields;
  if (!fields) return undefined;
  const times = timesOfDay(fields);
  if (times.length === 0) return undefined;
  let longest = 0;
  for (let i = 1; i < times.length; i++)
    longest = Math.max(longest, times[i] - times[i - 1]);
  const span = times[times.length - 1] - times[0];
  let previous: number | undefined;
  let matchingDays = 0;
  for (let d = 0; d < HORIZON_DAYS; d++) {
    if (!dayMatches(fields, utcDay(d))) continue;
    matchingDays++;
    if (previous !== undefined)
      longest = Math.max(longest, (d - previous) * 86400 - span);
    previous = d;
  }
  if (matchingDays === 0) return undefined;
  if (matchingDays === 1) return HORIZON_DAYS * 86400;
  // A daylight-saving change can stretch one gap by an hour.
  return longest + (hasDaylightSaving(schedule.timeZone) ? 3600 : 0);
}

const longestCache = new WeakMap<CronSchedule, number | null>();

/**
 * The longest time between two runs, in seconds, over a nine-year horizon:
 * the basis of a default RPO target. Undefined when the schedule never runs
 * (e.g. February 30). Computed from the expanded fields in well under a
 * millisecond, and cached per parsed schedule.
 */
export function cronLongestIntervalSeconds(
  schedule: CronSchedule,
): number | undefined {
  if (!longestCache.has(schedule))
    longestCache.set(schedule, longestUncached(schedule) ?? null);
  return longestCache.get(schedule) ?? undefined;
}

/**
 * The first run strictly after `after`, in the schedule's zone (UTC when it
 * names none, as the controllers' images run), or undefined when it never runs.
 */
export function cronNextRun(
  schedule: CronSchedule,
  after: Date,
): Date | undefined {
  if (schedule.everySeconds !== undefined) {
    // robfig's Every drops sub-second precision.
    const base = Math.floor(after.getTime() / 1000) * 1000;
    return new Date(base + schedule.everySeconds * 1000);
  }
  const fields = schedule.fields;
  if (!fields) return undefined;
  const times = timesOfDay(fields);
  const zone = schedule.timeZone ?? 'UTC';
  const start = DateTime.fromJSDate(after, { zone });
  const firstDay = start.startOf('day');
  for (let d = 0; d < HORIZON_DAYS; d++) {
    const day = firstDay.plus({ days: d });
    if (!dayMatches(fields, day)) continue;
    for (const t of times) {
      const candidate = day.set({
        hour: Math.floor(t / 3600),
        minute: Math.floor(t / 60) % 60,
        second: t % 60,
      });
      if (candidate > start) return candidate.toJSDate();
    }
  }
  return undefined;
}
