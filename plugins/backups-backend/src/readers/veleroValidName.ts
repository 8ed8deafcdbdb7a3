import { createHash } from 'node:crypto';

const MAX_LABEL_VALUE = 63;

/**
 * Velero's `label.GetValidName`, which it applies to the
 * `velero.io/backup-name` label of PodVolumeBackups (not to
 * `velero.io/schedule-name`): the value itself up to 63 characters, else its
 * first 57 characters and 6 hex digits of its SHA-256.
 */
export function veleroValidName(value: string): string {
  if (value.length <= MAX_LABEL_VALUE) return value;
  const sha = createHash('sha256').update(value).digest('hex');
  return value.slice(0, MAX_LABEL_VALUE - 6) + sha.slice(0, 6);
}

/** Whether a value can be a label value at all (a schedule name longer cannot). */
export function fitsLabelValue(value: string): boolean {
  return value.length <= MAX_LABEL_VALUE;
}
