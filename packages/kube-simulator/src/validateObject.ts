import { DOWNLOAD_TARGET_KINDS } from './controllers/VeleroObjectStorage';
import { KubeObject } from './store/KubeObject';

type Check = (o: KubeObject) => string | undefined;

const isString = (v: unknown) => v === undefined || typeof v === 'string';
const isStringArray = (v: unknown) =>
  v === undefined || (Array.isArray(v) && v.every(i => typeof i === 'string'));

/**
 * Type checks of the fields the product writes (Restores, Backups, Schedules,
 * DownloadRequests),
 * so a malformed create answers 422 Invalid as the API server's CRD schema would.
 */
const checks: Record<string, Check[]> = {
  'velero.io/v1/Restore': [
    o =>
      isString(o.spec?.backupName)
        ? undefined
        : 'spec.backupName: Invalid value: must be of type string',
    o =>
      isString(o.spec?.scheduleName)
        ? undefined
        : 'spec.scheduleName: Invalid value: must be of type string',
    o =>
      isStringArray(o.spec?.includedNamespaces)
        ? undefined
        : 'spec.includedNamespaces: Invalid value: must be an array of strings',
    o =>
      isStringArray(o.spec?.excludedNamespaces)
        ? undefined
        : 'spec.excludedNamespaces: Invalid value: must be an array of strings',
    o =>
      o.spec?.namespaceMapping === undefined ||
      (typeof o.spec.namespaceMapping === 'object' &&
        o.spec.namespaceMapping !== null &&
        !Array.isArray(o.spec.namespaceMapping) &&
        Object.values(o.spec.namespaceMapping).every(
          v => typeof v === 'string',
        ))
        ? undefined
        : 'spec.namespaceMapping: Invalid value: must be an object of strings',
    ...['restorePVs', 'includeClusterResources'].map(
      (field): Check =>
        o =>
          o.spec?.[field] === undefined || typeof o.spec[field] === 'boolean'
            ? undefined
            : `spec.${field}: Invalid value: must be of type boolean`,
    ),
    o =>
      o.spec?.existingResourcePolicy === undefined ||
      ['none', 'update'].includes(o.spec.existingResourcePolicy)
        ? undefined
        : 'spec.existingResourcePolicy: Unsupported value: supported values: "none", "update"',
  ],
  'velero.io/v1/Backup': [
    o =>
      isStringArray(o.spec?.includedNamespaces)
        ? undefined
        : 'spec.includedNamespaces: Invalid value: must be an array of strings',
    o =>
      isString(o.spec?.ttl)
        ? undefined
        : 'spec.ttl: Invalid value: must be of type string',
  ],
  'velero.io/v1/DownloadRequest': [
    o =>
      typeof o.spec?.target === 'object' && o.spec.target !== null
        ? undefined
        : 'spec.target: Required value',
    o => {
      const kind = o.spec?.target?.kind;
      if (kind === undefined) return 'spec.target.kind: Required value';
      return (DOWNLOAD_TARGET_KINDS as readonly unknown[]).includes(kind)
        ? undefined
        : `spec.target.kind: Unsupported value: ${JSON.stringify(
            kind,
          )}: supported values: ${DOWNLOAD_TARGET_KINDS.map(k =>
            JSON.stringify(k),
          ).join(', ')}`;
    },
    o =>
      typeof o.spec?.target?.name === 'string'
        ? undefined
        : 'spec.target.name: Required value',
  ],
  'velero.io/v1/Schedule': [
    o =>
      typeof o.spec?.schedule === 'string'
        ? undefined
        : 'spec.schedule: Required value: must be of type string',
    o =>
      typeof o.spec?.template === 'object'
        ? undefined
        : 'spec.template: Required value',
  ],
};

export function validateObject(object: KubeObject): string[] {
  const errors: string[] = [];
  if (
    object.spec !== undefined &&
    (typeof object.spec !== 'object' || object.spec === null)
  ) {
    errors.push('spec: Invalid value: must be of type object');
  }
  for (const check of checks[`${object.apiVersion}/${object.kind}`] ?? []) {
    const error = check(object);
    if (error) errors.push(error);
  }
  return errors;
}
