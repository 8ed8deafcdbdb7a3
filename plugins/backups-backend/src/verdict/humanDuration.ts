import { Duration, DurationUnit } from 'luxon';

function unitsFor(s: number): DurationUnit[] {
  if (s >= 2 * 86400) return ['days', 'hours'];
  if (s >= 2 * 3600 || (s >= 3600 && s % 3600 === 0)) return ['hours'];
  if (s >= 60) return ['minutes'];
  return ['seconds'];
}

/** "7 days", "26 hours", "7 days 2 hours", "5 minutes": a duration for people. */
export function humanDuration(seconds: number): string {
  const s = Math.round(seconds);
  const units = unitsFor(s);
  const d = Duration.fromObject({ seconds: s }).shiftTo(...units);
  return units
    .map(u => [u, Math.round(d.get(u))] as const)
    .filter(([, n], i) => n > 0 || i === 0)
    .map(([u, n]) => `${n} ${n === 1 ? u.replace(/s$/, '') : u}`)
    .join(' ');
}
