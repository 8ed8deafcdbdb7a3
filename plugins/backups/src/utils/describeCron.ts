import { DateTime } from 'luxon';

const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

function isNumber(field: string) {
  return /^\d+$/.test(field);
}

/**
 * Describes a cron schedule in words, in UTC and in the viewer's zone:
 * "daily at 03:00 UTC (14:00 local)". Accepts Velero's five fields and CNPG's
 * six (leading seconds). Falls back to the raw expression for anything unusual.
 */
export function describeCron(
  cron: string | undefined,
  options: { zone?: string; now?: DateTime } = {},
): string {
  if (!cron) return '–';
  if (cron.trim().startsWith('@')) return cron.trim();
  let fields = cron.trim().split(/\s+/);
  if (fields.length === 6) fields = fields.slice(1);
  if (fields.length !== 5) return cron;
  const [minute, hour, dom, month, dow] = fields;

  if (isNumber(minute) && hour.startsWith('*/') && dom === '*' && dow === '*') {
    return `every ${hour.slice(2)} hours at minute ${minute}`;
  }
  if (minute.startsWith('*/') && hour === '*' && dom === '*' && dow === '*') {
    return `every ${minute.slice(2)} minutes`;
  }
  if (!isNumber(minute) || !isNumber(hour) || month !== '*') return cron;

  // The local hour depends on the date (daylight saving), so take it from "now".
  const utc = (options.now ?? DateTime.utc()).toUTC().set({
    hour: Number(hour),
    minute: Number(minute),
    second: 0,
    millisecond: 0,
  });
  const local = options.zone ? utc.setZone(options.zone) : utc.toLocal();
  const at = `${utc.toFormat('HH:mm')} UTC`;
  const localPart =
    local.offset === 0 ? '' : ` (${local.toFormat('HH:mm')} local)`;

  if (dom === '*' && dow === '*') return `daily at ${at}${localPart}`;
  if (dom === '*' && isNumber(dow) && Number(dow) < 7) {
    return `weekly on ${WEEKDAYS[Number(dow)]} at ${at}${localPart}`;
  }
  if (isNumber(dom) && dow === '*') {
    return `monthly on day ${dom} at ${at}${localPart}`;
  }
  return cron;
}
