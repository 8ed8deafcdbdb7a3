import type { TierKind } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { Finding, finding } from './Finding';
import { humanDuration } from './humanDuration';

/**
 * Compares the age of the newest recovery point with the target. Returns the
 * actual RPO in seconds and a finding when the target is missed or unknown.
 */
export function rpoFindings(
  kind: TierKind,
  lastRecoveryPoint: string | undefined,
  target: number | undefined,
  now: DateTime,
  what: string,
): { actual: number | null; findings: Finding[] } {
  if (!lastRecoveryPoint) return { actual: null, findings: [] };
  const actual = Math.max(
    0,
    Math.round(now.diff(DateTime.fromISO(lastRecoveryPoint)).as('seconds')),
  );
  if (target === undefined) {
    return {
      actual,
      findings: [
        finding(
          `${kind}.rpo.noTarget`,
          'unknown',
          `No RPO target could be derived for ${what}; set one in config or with the backups.backstage.io/rpo-targets annotation`,
        ),
      ],
    };
  }
  if (actual > target) {
    return {
      actual,
      findings: [
        finding(
          `${kind}.rpo.exceeded`,
          'critical',
          `The last good ${what} is ${humanDuration(
            Math.round(actual / 60) * 60,
          )} old, older than the RPO target of ${humanDuration(target)}`,
        ),
      ],
    };
  }
  return { actual, findings: [] };
}
