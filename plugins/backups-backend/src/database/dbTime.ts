import { DateTime } from 'luxon';

/**
 * A datetime column as the database gives it back: a Date (PostgreSQL), or
 * epoch milliseconds or text (SQLite), read as UTC.
 */
export function dbDateTime(value: unknown): DateTime {
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone: 'utc' });
  if (typeof value === 'number' || /^\d+$/.test(String(value)))
    return DateTime.fromMillis(Number(value), { zone: 'utc' });
  return DateTime.fromISO(String(value).replace(' ', 'T'), { zone: 'utc' });
}

/** The same as an ISO 8601 string in UTC; undefined for NULL. */
export function dbIso(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return dbDateTime(value).toJSDate().toISOString();
}
