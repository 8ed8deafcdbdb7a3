const RESTORE_REFRESH_SECONDS = 5;
/** Velero restore phases after which nothing changes any more. */
const ENDED = new Set([
  'Completed',
  'PartiallyFailed',
  'Failed',
  'FailedValidation',
]);

/**
 * How often the tab refreshes, in milliseconds (null: never). While a
 * restore runs, wherever it was seen, its progress is followed closely;
 * otherwise the configured pace holds.
 */
export function refreshDelay(options: {
  available: boolean;
  restores: Array<{ phase: string }>;
  refreshIntervalSeconds: number;
}): number | null {
  if (!options.available) return null;
  if (options.restores.some(r => !ENDED.has(r.phase)))
    return RESTORE_REFRESH_SECONDS * 1000;
  if (options.refreshIntervalSeconds > 0)
    return options.refreshIntervalSeconds * 1000;
  return null;
}
