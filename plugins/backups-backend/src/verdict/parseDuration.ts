const UNITS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
};

/** Seconds in a Go-style duration such as "168h0m0s", "26h", "10m" or "7d". */
export function parseDuration(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, value, , unit] of trimmed.matchAll(
    /(\d+(\.\d+)?)(ms|s|m|h|d|w)/g,
  )) {
    total += Number(value) * UNITS[unit];
  }
  return total;
}

/** "7 days", "26 hours", "7 days 2 hours", "5 minutes": a duration for people. */
export function humanDuration(seconds: number): string {
  const plural = (n: number, unit: string) =>
    `${n} ${unit}${n === 1 ? '' : 's'}`;
  const s = Math.round(seconds);
  if (s >= 2 * 86400) {
    const days = Math.floor(s / 86400);
    const hours = Math.round((s % 86400) / 3600);
    return hours
      ? `${plural(days, 'day')} ${plural(hours, 'hour')}`
      : plural(days, 'day');
  }
  if (s >= 2 * 3600 || (s >= 3600 && s % 3600 === 0))
    return plural(Math.round(s / 3600), 'hour');
  if (s >= 60) return plural(Math.round(s / 60), 'minute');
  return plural(s, 'second');
}
