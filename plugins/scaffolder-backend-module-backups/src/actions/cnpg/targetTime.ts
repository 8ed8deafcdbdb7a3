import { DateTime } from 'luxon';

const RFC3339 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * An RFC 3339 time with its zone, or why the text is not one. A time without
 * a zone is refused: CNPG would read it as UTC, which is rarely what a person
 * typing a local time means.
 */
export function parseTargetTime(
  text: string,
): { time: DateTime; problem?: undefined } | { problem: string } {
  const upper = text.toUpperCase();
  if (!RFC3339.test(upper)) {
    return {
      problem: WITHOUT_ZONE.test(upper)
        ? 'has no time zone: end it with Z (UTC) or an offset such as +01:00'
        : 'is not an RFC 3339 time such as 2026-11-30T10:15:00Z',
    };
  }
  const time = DateTime.fromISO(upper, { setZone: true });
  if (!time.isValid)
    return { problem: `is not a valid time: ${time.invalidExplanation}` };
  // Luxon reads 24:00:00 as the next midnight; RFC 3339 hours end at 23.
  return time.toFormat("yyyy-LL-dd'T'HH:mm:ss") === upper.slice(0, 19)
    ? { time }
    : { problem: 'is not a valid time: the hour must be 00 to 23' };
}

/** A time as RFC 3339 in UTC, as CNPG's recoveryTarget.targetTime and the messages show it. */
export function rfc3339Utc(time: DateTime): string {
  return time.toUTC().toISO({ suppressMilliseconds: true })!;
}
