import { InputError } from '@backstage/errors';
import {
  toLabelSelectorObject,
  cronLongestIntervalSeconds,
  parseCron,
  parseGoDuration,
  parseLabelSelector,
  VELERO_CRON_DIALECT,
} from '@internal/plugin-backups-common';
import { VeleroBackupOptions } from '../generate/VeleroBackupOptions';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const GCS_BUCKET = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

/** Why Velero would refuse the schedule, or why it would never run; undefined when it is fine. */
function scheduleProblem(expression: string): string | undefined {
  const parsed = parseCron(expression, VELERO_CRON_DIALECT);
  if (!parsed.ok) return parsed.error;
  if (cronLongestIntervalSeconds(parsed.schedule) === undefined)
    return 'never runs (no date matches its day and month fields)';
  return undefined;
}

/** Why the selector cannot be a Schedule's LabelSelector, or undefined. */
function selectorProblem(text: string): string | undefined {
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

/** Checks every option before anything is written; the error names each bad field. */
export function validateOptions(o: VeleroBackupOptions): void {
  const problems: string[] = [];
  /** Adds a problem unless the value is absent or a DNS-1123 label; says whether it is fine. */
  const dns = (field: string, value: string | undefined): boolean => {
    if (
      value === undefined ||
      (DNS_1123_LABEL.test(value) && value.length <= 63)
    )
      return true;
    problems.push(
      value === ''
        ? `${field}: must not be empty`
        : `${field}: "${value}" is not a DNS-1123 label (lowercase letters, digits and '-', at most 63)`,
    );
    return false;
  };
  // Required: checked even when missing, which a template's empty annotation gives.
  const appNameOk = dns('appName', o.appName ?? '');
  dns('namespace', o.namespace ?? '');
  dns('veleroNamespace', o.veleroNamespace);
  // The default <appName>-daily is not blamed for a bad appName a second time.
  if (appNameOk || o.scheduleName !== `${o.appName}-daily`)
    dns('scheduleName', o.scheduleName);
  dns('storageLocation', o.storageLocation);
  dns('snapshotLocation', o.snapshotLocation);
  dns('fluxSourceName', o.fluxSourceName);
  dns('cnpgCluster', o.cnpgCluster);
  const schedule = scheduleProblem(o.schedule);
  if (schedule) problems.push(`schedule: "${o.schedule}": ${schedule}`);
  const ttl = parseGoDuration(o.ttl);
  if (ttl === undefined)
    problems.push(
      `ttl: "${o.ttl}" is not a Go duration such as 168h or 72h30m (no d unit)`,
    );
  else if (ttl < 0) problems.push(`ttl: "${o.ttl}" must not be negative`);
  const selector = selectorProblem(o.labelSelector);
  if (selector)
    problems.push(`labelSelector: "${o.labelSelector}": ${selector}`);
  if (
    o.provider === 'gcp' &&
    (!GCS_BUCKET.test(o.bucket) ||
      o.bucket.includes('..') ||
      o.bucket.startsWith('goog'))
  ) {
    problems.push(`bucket: "${o.bucket}" is not a valid GCS bucket name`);
  } else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(o.bucket)) {
    problems.push(`bucket: "${o.bucket}" is not a valid bucket name`);
  }
  for (const [field, path] of [
    ['basePath', o.basePath],
    ['overlayKustomization', o.overlayKustomization],
    ['fluxSourceRoot', o.fluxSourceRoot],
  ] as const) {
    if (path.startsWith('/') || path.split('/').includes('..'))
      problems.push(
        `${field}: "${path}" must be a relative path inside the repository`,
      );
  }
  if (o.includedResources.length === 0)
    problems.push('includedResources: must not be empty');
  if (problems.length)
    throw new InputError(
      `Invalid input for backups:velero:generate: ${problems.join('; ')}`,
    );
}
