import { InputError } from '@backstage/errors';
import {
  cronLongestIntervalSeconds,
  parseCron,
  parseGoDuration,
  parseLabelSelector,
  toLabelSelectorObject,
  VELERO_CRON_DIALECT,
} from '@internal/plugin-backups-common';
import { posix } from 'node:path';

/*
 * Each function says why a value is refused, or gives undefined when it is
 * fine. The schema turns the reason into an issue that names the field.
 */

/** Why Velero would refuse the schedule, or why it would never run. */
export function scheduleProblem(expression: string): string | undefined {
  const parsed = parseCron(expression, VELERO_CRON_DIALECT);
  if (!parsed.ok) return parsed.error;
  if (cronLongestIntervalSeconds(parsed.schedule) === undefined)
    return 'never runs (no date matches its day and month fields)';
  return undefined;
}

/** Why a Go duration cannot be a retention. */
export function ttlProblem(text: string): string | undefined {
  const seconds = parseGoDuration(text);
  if (seconds === undefined)
    return 'is not a Go duration such as 168h or 72h30m (no d unit)';
  return seconds < 0 ? 'must not be negative' : undefined;
}

/** Why the selector cannot be a Schedule's LabelSelector. */
export function selectorProblem(text: string): string | undefined {
  try {
    const selector = parseLabelSelector(text);
    if (selector.requirements.length === 0)
      return 'has no requirement, so it would select the whole namespace';
    toLabelSelectorObject(selector);
    return undefined;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.message.replace(/^Invalid label selector:\s*/, '');
  }
}

const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const GCS_BUCKET = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

/** Why the bucket name is not one the provider's object storage allows. */
export function bucketProblem(
  bucket: string,
  provider: string,
): string | undefined {
  if (provider !== 'gcp')
    return S3_BUCKET.test(bucket) ? undefined : 'is not a valid bucket name';
  const valid =
    GCS_BUCKET.test(bucket) &&
    !bucket.includes('..') &&
    !bucket.startsWith('goog');
  return valid ? undefined : 'is not a valid GCS bucket name';
}

const PATH_SEGMENT = /^[A-Za-z0-9._@+-]+$/;

/**
 * Why a path cannot be a path inside the repository: it must be relative, with
 * no `..` segment and only plain characters, so it can neither leave the
 * workspace nor carry YAML. Symlinks are checked later, against the workspace.
 */
export function repoPathProblem(path: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(path))
    return 'contains a control character (newline, NUL, ...)';
  if (/^([/\\]|[A-Za-z]:)/.test(path))
    return 'is absolute; give a path relative to the repository root';
  const segments = path.split(/[/\\]/);
  if (segments.includes('..')) return "has a '..' segment";
  if (!segments.every(s => PATH_SEGMENT.test(s)))
    return "must be segments of letters, digits, '.', '_', '-', '@' and '+' joined by single '/'";
  return undefined;
}

/** Why a path is not a kustomization file. */
export function kustomizationFileProblem(path: string): string | undefined {
  return ['kustomization.yaml', 'kustomization.yml'].includes(
    posix.basename(path),
  )
    ? undefined
    : 'must name a kustomization.yaml (or kustomization.yml) file';
}
