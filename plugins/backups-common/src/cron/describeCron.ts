import cronstrue from 'cronstrue';
import { Duration } from 'luxon';
import { CronSchedule } from './CronSchedule';

function everyText(seconds: number): string {
  const units = Duration.fromObject({ seconds })
    .shiftTo('days', 'hours', 'minutes', 'seconds')
    .toObject();
  const parts = Object.entries(units)
    .filter(([, v]) => v)
    .map(([unit, v]) => `${v} ${v === 1 ? unit.replace(/s$/, '') : unit}`);
  return `Every ${parts.join(' ')}`;
}

/**
 * A schedule in words, with its zone: "At 03:00 (UTC)", "Every 6 hours
 * (UTC)", "At 02:00, only on Sunday (Europe/Paris)". Zone-less schedules run
 * in the controller's zone, which is UTC in the upstream images.
 */
export function describeCron(schedule: CronSchedule): string {
  const zone = ` (${schedule.timeZone ?? 'UTC'})`;
  if (schedule.everySeconds !== undefined)
    return everyText(schedule.everySeconds);
  if (!schedule.sixFields) return schedule.expression;
  const text = cronstrue.toString(schedule.sixFields.replace(/\?/g, '*'), {
    use24HourTimeFormat: true,
    throwExceptionOnParseError: false,
  });
  return `${text}${zone}`;
}
