import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';
import { parseGoDuration } from '../duration/parseGoDuration';
import { CronDialect, CronParseResult, CronSchedule } from './CronSchedule';

/** robfig's descriptors, written as six fields (seconds first). */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

const FIELD_NAMES = [
  'second',
  'minute',
  'hour',
  'day of month',
  'month',
  'day of week',
];
const BOUNDS: Array<[number, number]> = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];
const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const PART = /^(\*|\?|[0-9a-z]+(?:-[0-9a-z]+)?)(?:\/(\d+))?$/i;
const MAX_EXPRESSION_LENGTH = 256;

function valueOf(text: string, index: number): number | undefined {
  const lower = text.toLowerCase();
  // robfig only knows names in the month and weekday fields.
  if (index === 4 && MONTHS.includes(lower)) return MONTHS.indexOf(lower) + 1;
  if (index === 5 && WEEKDAYS.includes(lower)) return WEEKDAYS.indexOf(lower);
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** robfig's `getRange` checks, which are stricter than cron-parser's. */
function fieldProblem(field: string, index: number): string | undefined {
  const [min, max] = BOUNDS[index];
  for (const part of field.split(',')) {
    const m = part.match(PART);
    if (!m) return `"${part}" is not valid in the ${FIELD_NAMES[index]} field`;
    if (m[2] !== undefined && Number(m[2]) === 0)
      return `the step in "${part}" must be positive`;
    if (m[1] === '*' || m[1] === '?') continue;
    const ends = m[1].split('-').map(v => valueOf(v, index));
    if (ends.some(v => v === undefined))
      return `"${part}" is not valid in the ${FIELD_NAMES[index]} field`;
    const [low, high = low] = ends as number[];
    if (low < min || high > max)
      return `"${part}" is outside ${min}-${max} in the ${FIELD_NAMES[index]} field`;
    if (low > high) return `the range "${part}" starts after it ends`;
  }
  return undefined;
}

/** Whether robfig sets its star bit for a field (v3 clears it for a step above 1). */
function hasStarBit(field: string, dialect: CronDialect): boolean {
  return field.split(',').some(part => {
    const m = part.match(PART);
    if (!m || (m[1] !== '*' && m[1] !== '?')) return false;
    return dialect === 'robfig-v1' || m[2] === undefined || Number(m[2]) <= 1;
  });
}

function expand(
  sixFields: string,
  dialect: CronDialect,
): CronSchedule['fields'] {
  // cron-parser expands ranges, steps, lists and names; robfig's own rules
  // were checked above. Months are expanded apart, because cron-parser
  // rejects day/month pairs such as "30 2" that robfig accepts (and never runs).
  const raw = sixFields.replace(/\?/g, '*').split(' ');
  const parse = (fields: string[]) =>
    CronExpressionParser.parse(fields.join(' '), { tz: 'UTC' }).fields;
  const main = parse([...raw.slice(0, 4), '*', raw[5]]);
  const month = parse(['0', '0', '0', '*', raw[4], '*']).month;
  const numbers = (values: ReadonlyArray<number | string>) =>
    values.filter((v): v is number => typeof v === 'number');
  const six = sixFields.split(' ');
  return {
    seconds: numbers(main.second.values),
    minutes: numbers(main.minute.values),
    hours: numbers(main.hour.values),
    daysOfMonth: numbers(main.dayOfMonth.values),
    months: numbers(month.values),
    daysOfWeek: [...new Set(numbers(main.dayOfWeek.values).map(d => d % 7))],
    dayOfMonthStar: hasStarBit(six[3], dialect),
    dayOfWeekStar: hasStarBit(six[5], dialect),
  };
}

function splitZone(
  expression: string,
  dialect: CronDialect,
): { spec: string; timeZone?: string } | { error: string } {
  const m = expression.match(/^(CRON_TZ|TZ)=(\S+)\s+(.*)$/);
  if (!m) return { spec: expression };
  if (dialect === 'robfig-v1')
    return { error: 'robfig/cron v1 (CloudNativePG) has no CRON_TZ prefix' };
  if (!IANAZone.isValidZone(m[2]))
    return { error: `unknown time zone "${m[2]}"` };
  return { spec: m[3].trim(), timeZone: m[2] };
}

function parseUncached(
  expression: string,
  dialect: CronDialect,
): CronParseResult {
  const trimmed = expression.trim();
  if (!trimmed) return { ok: false, error: 'the schedule is empty' };
  if (trimmed.length > MAX_EXPRESSION_LENGTH)
    return { ok: false, error: 'the schedule is too long' };
  const zoned = splitZone(trimmed, dialect);
  if ('error' in zoned) return { ok: false, error: zoned.error };
  const { spec, timeZone } = zoned;
  const base = { expression: trimmed, dialect, timeZone };

  if (spec.startsWith('@')) {
    const every = spec.match(/^@every\s+(\S+)$/);
    if (every) {
      const seconds = parseGoDuration(every[1]);
      if (seconds === undefined || seconds < 0)
        return { ok: false, error: `"${every[1]}" is not a Go duration` };
      // robfig rounds @every to whole seconds, and to at least one.
      return {
        ok: true,
        schedule: { ...base, everySeconds: Math.max(1, Math.floor(seconds)) },
      };
    }
    const sixFields = DESCRIPTORS[spec];
    if (!sixFields) return { ok: false, error: `unknown descriptor "${spec}"` };
    return {
      ok: true,
      schedule: { ...base, sixFields, fields: expand(sixFields, dialect) },
    };
  }

  const fields = spec.split(/\s+/);
  let six: string[];
  if (dialect === 'robfig-v3') {
    if (fields.length !== 5)
      return {
        ok: false,
        error: `expected 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`,
      };
    six = ['0', ...fields];
  } else {
    if (fields.length !== 5 && fields.length !== 6)
      return {
        ok: false,
        error: `expected 6 fields (second minute hour day-of-month month day-of-week), found ${fields.length}`,
      };
    six = fields.length === 5 ? [...fields, '*'] : fields;
  }
  for (const [i, field] of six.entries()) {
    const problem = fieldProblem(field, i);
    if (problem) return { ok: false, error: problem };
  }
  const sixFields = six.join(' ');
  try {
    return {
      ok: true,
      schedule: { ...base, sixFields, fields: expand(sixFields, dialect) },
    };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

const cache = new Map<string, CronParseResult>();
const CACHE_SIZE = 1000;

/**
 * Parses a schedule as the named controller does, or says why it would
 * reject it. Results are cached: the same few expressions recur on every request.
 */
export function parseCron(
  expression: string,
  dialect: CronDialect,
): CronParseResult {
  const key = `${dialect}\u0000${expression}`;
  let result = cache.get(key);
  if (!result) {
    result = parseUncached(expression, dialect);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  }
  return result;
}
