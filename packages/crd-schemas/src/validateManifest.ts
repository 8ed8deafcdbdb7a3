import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { CrdInfo, findCrd } from './crdInfos';

export type ManifestValidation = {
  valid: boolean;
  schemaFound: boolean;
  errors: string[];
};

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

/**
 * Makes a structural CRD schema strict, as `kubectl apply --validate=strict`:
 * unknown fields are errors unless the schema preserves them.
 */
function strict(node: any): any {
  if (Array.isArray(node)) return node.map(strict);
  if (!node || typeof node !== 'object') return node;
  const out: any = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') {
      out[key] = Object.fromEntries(
        Object.entries(value as object).map(([k, v]) => [k, strict(v)]),
      );
    } else if (
      ['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf'].includes(
        key,
      ) &&
      typeof value === 'object'
    ) {
      out[key] = strict(value);
    } else {
      out[key] = value;
    }
  }
  if (out['x-kubernetes-int-or-string']) {
    delete out.type;
    return { anyOf: [{ type: 'integer' }, { type: 'string' }] };
  }
  if (out['x-kubernetes-preserve-unknown-fields']) {
    if (!out.properties) return out.type ? { type: out.type } : {};
    return out;
  }
  if (out.properties && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

function validatorFor(
  crd: CrdInfo,
  version: string,
): ValidateFunction | undefined {
  const key = `${crd.group}/${version}/${crd.kind}`;
  if (!compiled.has(key)) {
    const schema = crd.versions.find(v => v.name === version)?.schema;
    if (!schema) return undefined;
    const root: any = strict(schema);
    // apiVersion, kind and metadata are checked separately below.
    root.properties = {
      ...root.properties,
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
    };
    compiled.set(key, ajv.compile(root));
  }
  return compiled.get(key);
}

function describe(error: ErrorObject): string {
  const path =
    error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)';
  if (error.keyword === 'additionalProperties') {
    const prefix = path === '(root)' ? '' : `${path}.`;
    return `${prefix}${
      (error.params as any).additionalProperty
    }: unknown field`;
  }
  if (error.keyword === 'enum')
    return `${path}: must be one of ${(error.params as any).allowedValues.join(
      ', ',
    )}`;
  return `${path}: ${error.message}`;
}

function checkMetadata(metadata: any): string[] {
  if (!metadata || typeof metadata !== 'object') return ['metadata: required'];
  const errors: string[] = [];
  if (
    typeof metadata.name !== 'string' &&
    typeof metadata.generateName !== 'string'
  ) {
    errors.push('metadata.name: required (or metadata.generateName)');
  }
  if (
    metadata.namespace !== undefined &&
    typeof metadata.namespace !== 'string'
  )
    errors.push('metadata.namespace: must be string');
  for (const field of ['labels', 'annotations']) {
    const map = metadata[field];
    if (
      map !== undefined &&
      (typeof map !== 'object' ||
        Object.values(map).some(v => typeof v !== 'string'))
    ) {
      errors.push(`metadata.${field}: must be a map of strings`);
    }
  }
  return errors;
}

/** Built-in groups have no CRD; manifests of theirs are not checked here. */
function isBuiltIn(apiVersion: string) {
  return (
    !apiVersion.includes('/') ||
    /^(apps|batch|rbac\.authorization\.k8s\.io|networking\.k8s\.io|kustomize\.config\.k8s\.io)\//.test(
      apiVersion,
    )
  );
}

/**
 * Validates one manifest against the CRD schema of its apiVersion and kind.
 * Unknown fields, wrong types, bad enums and versions that are not served are errors.
 */
export function validateManifest(manifest: unknown): ManifestValidation {
  const m = manifest as any;
  if (!m || typeof m.apiVersion !== 'string' || typeof m.kind !== 'string') {
    return {
      valid: false,
      schemaFound: false,
      errors: ['apiVersion and kind are required'],
    };
  }
  if (isBuiltIn(m.apiVersion)) {
    return { valid: true, schemaFound: false, errors: [] };
  }
  const crd = findCrd(m.apiVersion, m.kind);
  const version = m.apiVersion.split('/')[1];
  if (!crd)
    return {
      valid: false,
      schemaFound: false,
      errors: [`${m.apiVersion} ${m.kind} is not a known CRD`],
    };
  const v = crd.versions.find(x => x.name === version);
  if (!v || !v.served) {
    const served = crd.versions
      .filter(x => x.served)
      .map(x => x.name)
      .join(', ');
    return {
      valid: false,
      schemaFound: true,
      errors: [`${m.apiVersion} ${m.kind} is not served (served: ${served})`],
    };
  }
  const validate = validatorFor(crd, version);
  if (!validate) return { valid: true, schemaFound: false, errors: [] };
  const errors = [...checkMetadata(m.metadata)];
  if (!validate(m)) errors.push(...(validate.errors ?? []).map(describe));
  return { valid: errors.length === 0, schemaFound: true, errors };
}

/** Validates every document of a multi-document YAML text. */
export function validateManifests(
  yamlText: string,
): Array<ManifestValidation & { kind?: string; name?: string }> {
  return parseAllDocuments(yamlText)
    .map(doc => doc.toJS())
    .filter(Boolean)
    .map(obj => ({
      ...validateManifest(obj),
      kind: obj.kind,
      name: obj.metadata?.name,
    }));
}

/** Forgets compiled validators, after schemas were added. */
export function resetValidators() {
  compiled.clear();
}
