import { parseGoDuration } from '@internal/plugin-backups-common';

const UNITS: Record<string, string> = {
  us: 'us',
  ms: 'ms',
  s: 's',
  min: 'm',
  h: 'h',
};

/**
 * A PostgreSQL time setting such as archive_timeout ("5min", "300", "1h",
 * "1d") in seconds; a bare number is in seconds, the setting's base unit.
 * Rewritten as a Go duration so that one parser does the arithmetic.
 */
export function postgresSeconds(value: unknown): number | undefined {
  const m = String(value ?? '')
    .trim()
    .match(/^(\d+)\s*(us|ms|s|min|h|d)?$/);
  if (!m) return undefined;
  if (m[2] === 'd') return parseGoDuration(`${Number(m[1]) * 24}h`);
  return parseGoDuration(`${m[1]}${UNITS[m[2] ?? 's']}`);
}
