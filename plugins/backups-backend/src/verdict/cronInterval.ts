const RANGES = [
  [0, 59], // minute
  [0, 23], // hour
  [1, 31], // day of month
  [1, 12], // month
  [0, 6], // day of week
] as const;

function expand(
  field: string,
  [min, max]: readonly [number, number],
): Set<number> | undefined {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const m = part.match(/^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/);
    if (!m) return undefined;
    const start = m[1] === '*' ? min : Number(m[1]);
    let end = start;
    if (m[2] !== undefined) end = Number(m[2]);
    else if (m[1] === '*' || m[3]) end = max;
    const step = m[3] ? Number(m[3]) : 1;
    if (start < min || end > max || start > end || step < 1) return undefined;
    for (let v = start; v <= end; v += step)
      values.add(v === 7 && max === 6 ? 0 : v);
  }
  return values;
}

/**
 * The longest gap between two runs of a cron schedule, in seconds: Velero's
 * and VolSync's five fields, or CNPG's six (leading seconds). Undefined when
 * the expression is not understood; callers must then say the target is unknown.
 */
export function cronIntervalSeconds(
  cron: string | undefined,
): number | undefined {
  if (!cron) return undefined;
  const macros: Record<string, number> = {
    '@hourly': 3600,
    '@daily': 86400,
    '@midnight': 86400,
    '@weekly': 604800,
  };
  if (cron.trim() in macros) return macros[cron.trim()];
  let fields = cron.trim().split(/\s+/);
  if (fields.length === 6) fields = fields.slice(1);
  if (fields.length !== 5) return undefined;
  const sets = fields.map((f, i) => expand(f.replace(/^\?$/, '*'), RANGES[i]));
  if (sets.some(s => s === undefined || s.size === 0)) return undefined;
  const [minutes, hours, days, months, weekdays] = sets as Set<number>[];
  const domRestricted = fields[2] !== '*';
  const dowRestricted = fields[4] !== '*';

  // Walk a fixed, leap-free stretch minute by minute; long enough for monthly schedules.
  const horizonDays = domRestricted || fields[3] !== '*' ? 400 : 15;
  const start = Date.UTC(2025, 0, 1);
  let previous: number | undefined;
  let longest = 0;
  for (let t = start; t < start + horizonDays * 86400_000; t += 60_000) {
    const d = new Date(t);
    if (
      !minutes.has(d.getUTCMinutes()) ||
      !hours.has(d.getUTCHours()) ||
      !months.has(d.getUTCMonth() + 1)
    )
      continue;
    const domOk = days.has(d.getUTCDate());
    const dowOk = weekdays.has(d.getUTCDay());
    // Cron's rule: when both day fields are restricted, either may match.
    const dayOk =
      domRestricted && dowRestricted ? domOk || dowOk : domOk && dowOk;
    if (!dayOk) continue;
    if (previous !== undefined)
      longest = Math.max(longest, (t - previous) / 1000);
    previous = t;
  }
  return longest > 0 ? longest : undefined;
}
