import { createHash } from 'node:crypto';

const MAX_LABEL_VALUE = 63;

/**
 * The value Velero writes into a Backup's `velero.io/schedule-name` label:
 * the schedule name, or for names longer than 63 characters its first 57
 * characters and 6 hex digits of its SHA-256 (Velero's `label.GetValidName`).
 */
export function scheduleLabelValue(scheduleName: string): string {
  if (scheduleName.length <= MAX_LABEL_VALUE) return scheduleName;
  const sha = createHash('sha256').update(scheduleName).digest('hex');
  return scheduleName.slice(0, MAX_LABEL_VALUE - 6) + sha.slice(0, 6);
}
