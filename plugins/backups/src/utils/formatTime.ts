import { DateTime, Duration } from 'luxon';

/** "3 hours ago", or "–" when there is no time. */
export function formatRelative(iso: string | null | undefined): string {
  if (!iso) return '–';
  return DateTime.fromISO(iso).toRelative() ?? '–';
}

/** An absolute time in the user's zone, with the zone shown. */
export function formatAbsolute(iso: string | null | undefined): string {
  if (!iso) return '–';
  return DateTime.fromISO(iso).toLocal().toFormat('yyyy-LL-dd HH:mm:ss ZZZZ');
}

/** A compact duration such as "1d 2h", "45m" or "30s". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  const abs = Math.abs(Math.round(seconds));
  const d = Duration.fromObject({ seconds: abs }).shiftTo(
    'days',
    'hours',
    'minutes',
    'seconds',
  );
  const parts: string[] = [];
  if (d.days) parts.push(`${d.days}d`);
  if (d.hours) parts.push(`${d.hours}h`);
  if (d.minutes && parts.length < 2) parts.push(`${d.minutes}m`);
  if (parts.length === 0) parts.push(`${Math.round(d.seconds)}s`);
  return `${seconds < 0 ? '-' : ''}${parts.slice(0, 2).join(' ')}`;
}

/** Seconds between two ISO times, or undefined if either is missing. */
export function secondsBetween(
  from: string | undefined,
  to: string | undefined,
): number | undefined {
  if (!from || !to) return undefined;
  return DateTime.fromISO(to).diff(DateTime.fromISO(from)).as('seconds');
}
