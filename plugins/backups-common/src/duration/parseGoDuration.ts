import parse from 'parse-duration';

/** Go's `time.ParseDuration` grammar: signed, units ns, us, µs, ms, s, m, h, or a bare 0. */
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;

/**
 * Seconds in a Go duration as Kubernetes objects write them ("168h0m0s",
 * "1m30.5s", "@every 6h"'s "6h"). Undefined for anything Go would reject,
 * such as "7d" or "1 hour"; parse-duration does the arithmetic.
 */
export function parseGoDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (/^[-+]?0$/.test(trimmed)) return 0;
  if (!GO_DURATION.test(trimmed)) return undefined;
  const seconds = parse(trimmed.replace(/μs/g, 'us'), 's');
  return typeof seconds === 'number' && Number.isFinite(seconds)
    ? seconds
    : undefined;
}

/** Whether a string is a Go duration that Kubernetes would accept. */
export function isGoDuration(text: string): boolean {
  return parseGoDuration(text) !== undefined;
}
