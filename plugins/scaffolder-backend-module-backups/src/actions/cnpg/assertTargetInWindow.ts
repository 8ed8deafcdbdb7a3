import { DateTime } from 'luxon';
import { cnpgInputError } from './cnpgInputError';
import { RecoveryWindow } from './findRecoverySource';
import { rfc3339Utc } from './targetTime';

/** The window as the messages and outputs give it: RFC 3339 in UTC. */
export function windowText(window: RecoveryWindow) {
  return { from: rfc3339Utc(window.from), to: rfc3339Utc(window.to) };
}

/** Refuses a target time the WAL in the object store cannot reach. */
export function assertTargetInWindow(
  target: DateTime,
  window: RecoveryWindow,
  cluster: string,
): void {
  if (target >= window.from && target <= window.to) return;
  const { from, to } = windowText(window);
  const side =
    target < window.from
      ? 'before the first base backup'
      : 'after the newest archived WAL';
  throw cnpgInputError([
    `targetTime: ${rfc3339Utc(
      target,
    )} is ${side}; the recoverability window of ${cluster} is ${from} to ${to}`,
  ]);
}
