import { InputError } from '@backstage/errors';
import { VeleroBackupOptions } from '../generate/VeleroBackupOptions';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const GCS_BUCKET = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;
const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;
const CRON_RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

function cronProblem(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5)
    return `must have five fields (minute hour day month weekday); got ${fields.length}`;
  for (const [i, field] of fields.entries()) {
    if (!CRON_FIELD.test(field))
      return `field ${i + 1} ("${field}") is not a cron field`;
    const [min, max] = CRON_RANGES[i];
    const numbers = field.match(/\d+/g)?.map(Number) ?? [];
    const values = field.includes('/')
      ? numbers.slice(0, field.split('/')[0].match(/\d+/g)?.length ?? 0)
      : numbers;
    if (values.some(n => n < min || n > max))
      return `field ${i + 1} ("${field}") is out of range ${min}-${max}`;
  }
  return undefined;
}

/** Label selector strings as Velero's matchLabels can hold them: `key=value` terms. */
export function parseEqualitySelector(
  selector: string,
): Record<string, string> | string {
  const labels: Record<string, string> = {};
  for (const term of selector
    .split(',')
    .map(t => t.trim())
    .filter(Boolean)) {
    const m = term.match(/^([^=!\s]+)\s*==?\s*([^=\s]*)$/);
    if (!m) return `"${term}" is not a key=value term`;
    if (!LABEL_KEY.test(m[1])) return `"${m[1]}" is not a valid label key`;
    if (!LABEL_VALUE.test(m[2])) return `"${m[2]}" is not a valid label value`;
    labels[m[1]] = m[2];
  }
  return Object.keys(labels).length
    ? labels
    : 'must have at least one key=value term';
}

/** Checks every option before anything is written; the error names each bad field. */
export function validateOptions(o: VeleroBackupOptions): void {
  const problems: string[] = [];
  const dns = (field: string, value: string | undefined) => {
    if (
      value !== undefined &&
      (!DNS_1123_LABEL.test(value) || value.length > 63)
    ) {
      problems.push(
        `${field}: "${value}" is not a DNS-1123 label (lowercase letters, digits and '-', at most 63)`,
      );
    }
  };
  dns('appName', o.appName);
  dns('namespace', o.namespace);
  dns('veleroNamespace', o.veleroNamespace);
  dns('scheduleName', o.scheduleName);
  dns('storageLocation', o.storageLocation);
  dns('snapshotLocation', o.snapshotLocation);
  dns('fluxSourceName', o.fluxSourceName);
  dns('cnpgCluster', o.cnpgCluster);
  const cron = cronProblem(o.schedule);
  if (cron) problems.push(`schedule: "${o.schedule}" ${cron}`);
  if (!GO_DURATION.test(o.ttl))
    problems.push(
      `ttl: "${o.ttl}" is not a Go duration such as 168h or 72h30m`,
    );
  const selector = parseEqualitySelector(o.labelSelector);
  if (typeof selector === 'string') problems.push(`labelSelector: ${selector}`);
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
