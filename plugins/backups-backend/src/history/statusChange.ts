import type { TierStatus } from '@internal/plugin-backups-common';
import type { EntityStatusRecord } from './HistoryStore';

/** A change the owners are told about. */
export type StatusChange = {
  kind: 'worsened' | 'resolved';
  from: TierStatus;
  to: TierStatus;
};

const RANK: Record<Exclude<TierStatus, 'unknown'>, number> = {
  healthy: 0,
  warning: 1,
  critical: 2,
};

/**
 * What to record after an evaluation, and whether that is a change to tell.
 *
 * Changes are measured from the last status that was not `unknown`:
 * - `unknown` (a source unread, data stale) tells nothing and keeps the
 *   last known status, so healthy → unknown → healthy is no recovery, and
 *   critical → unknown → healthy is one;
 * - the first known status of an entity is its baseline and tells nothing;
 * - worse than the last known (healthy → warning or critical, warning →
 *   critical) is a worsening; healthy after warning or critical a recovery;
 *   critical → warning is recorded but tells nothing.
 */
export function statusChange(
  previous: EntityStatusRecord | undefined,
  status: TierStatus,
): { next: EntityStatusRecord; change?: StatusChange } {
  const from = previous?.knownStatus;
  if (status === 'unknown')
    return { next: { status, ...(from ? { knownStatus: from } : {}) } };
  const next = { status, knownStatus: status };
  if (!from || from === 'unknown') return { next };
  if (RANK[status] > RANK[from])
    return { next, change: { kind: 'worsened', from, to: status } };
  if (status === 'healthy' && from !== 'healthy')
    return { next, change: { kind: 'resolved', from, to: status } };
  return { next };
}
