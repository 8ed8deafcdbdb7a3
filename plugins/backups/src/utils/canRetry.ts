import { describeError } from './describeError';

/** A failed request may be sent again with the same key; a refusal needs a change or a new plan. */
export function canRetry(error: unknown): boolean {
  if (!error) return true;
  const { status } = describeError(error);
  return status === undefined || status >= 500;
}
