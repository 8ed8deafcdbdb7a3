import { KubeObject } from './store/KubeObject';

type Check = (o: KubeObject) => string | undefined;

const isString = (v: unknown) => v === undefined || typeof v === 'string';
const isStringArray = (v: unknown) =>
  v === undefined || (Array.isArray(v) && v.every(i => typeof i === 'string'));

/**
 * Type checks of the fields the product writes (Restores, Backups, Schedules),
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
