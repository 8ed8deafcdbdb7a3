import {
  labelSelectorFromObject,
  matchesLabelSelector,
} from '@internal/plugin-backups-common';
import { jsonPatch, mergePatch } from '../api/patch';
import { KubeObject } from '../store/KubeObject';
import { includedBy } from './veleroGlob';

type JsonPatch = {
  operation: string;
  path: string;
  from?: string;
  value?: string;
};

type Rule = {
  conditions: {
    groupResource: string;
    namespaces?: string[];
    resourceNameRegex?: string;
    labelSelector?: Record<string, unknown>;
    matches?: Array<{ path: string; value?: string }>;
  };
  patches?: JsonPatch[];
  mergePatches?: Array<{ patchData: string }>;
  strategicPatches?: unknown[];
};

/** Resource modifiers as Velero reads them from a ConfigMap (internal/resourcemodifiers). */
export type ResourceModifiers = {
  version: string;
  resourceModifierRules: Rule[];
};

const OPERATIONS = ['add', 'remove', 'replace', 'test', 'move', 'copy'];

/**
 * GetResourceModifiersFromConfig and Validate: the ConfigMap holds exactly
 * one key, whose value is the rules. Velero reads it as YAML; the simulator
 * reads its JSON form only.
 */
export function parseResourceModifiers(
  configMap: KubeObject,
): ResourceModifiers {
  const where = `${configMap.metadata.namespace}/${configMap.metadata.name}`;
  const data = Object.values((configMap.data as Record<string, string>) ?? {});
  if (data.length !== 1)
    throw new Error(`illegal resource modifiers ${where} configmap`);
  let parsed: ResourceModifiers;
  try {
    parsed = JSON.parse(data[0]);
  } catch (error) {
    throw new Error(
      `Error in parsing resource modifiers provided in configmap ${where}: failed to decode yaml data into resource modifiers, err: ${
        (error as Error).message
      }`,
    );
  }
  const invalid = (message: string) =>
    new Error(
      `Validation error in resource modifiers provided in configmap ${where}: ${message}`,
    );
  if (String(parsed?.version).toLowerCase() !== 'v1')
    throw invalid(`unsupported resource modifier version ${parsed?.version}`);
  if (!parsed.resourceModifierRules?.length)
    throw invalid('resource modifier rules cannot be empty');
  for (const rule of parsed.resourceModifierRules) {
    if (!rule.conditions?.groupResource)
      throw invalid('groupkResource cannot be empty');
    const kinds = [rule.patches, rule.mergePatches, rule.strategicPatches]
      .map(p => p?.length ?? 0)
      .filter(n => n > 0).length;
    if (kinds >= 2)
      throw invalid(
        'only one of patches, mergePatches, strategicPatches can be specified',
      );
    for (const patch of rule.patches ?? []) {
      if (!patch.operation) throw invalid('operation cannot be empty');
      if (!OPERATIONS.includes(patch.operation.toLowerCase()))
        throw invalid(`unsupported operation ${patch.operation}`);
      if (!patch.path) throw invalid('path cannot be empty');
    }
  }
  return parsed;
}

/**
 * JSONPatch.ToString's addQuotes: a value is a JSON literal when it is
 * null, a boolean, a number, an object or an array; otherwise a string (a
 * quoted value is a string without its quotes).
 */
function patchValue(value: string | undefined): unknown {
  if (value === undefined || value === '') return '';
  if (value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1);
  if (value === 'null') return null;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (value.startsWith('{') || value.startsWith('[')) return JSON.parse(value);
  if (value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return value;
}

/** gobwas/glob compiled with '.' as separator: `*` and `?` stop at a dot, `**` does not. */
function groupResourceMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split('**')
    .map(part =>
      part
        .replace(/[.+^$()|\\/{}[\]]/g, '\\$&')
        .replace(/\*/g, '[^.]*')
        .replace(/\?/g, '[^.]'),
    )
    .join('.*');
  return new RegExp(`^${source}$`).test(value);
}

function matches(
  rule: Rule,
  origin: KubeObject,
  groupResource: string,
): boolean {
  const c = rule.conditions;
  const namespace = origin.metadata.namespace;
  if (namespace && !includedBy(c.namespaces, undefined, namespace))
    return false;
  // gobwas/glob with '.' as separator.
  if (!groupResourceMatches(c.groupResource, groupResource)) return false;
  if (
    c.resourceNameRegex &&
    !new RegExp(c.resourceNameRegex).test(origin.metadata.name)
  )
    return false;
  if (
    c.labelSelector &&
    !matchesLabelSelector(
      labelSelectorFromObject(c.labelSelector as any),
      origin.metadata.labels,
    )
  )
    return false;
  if (c.matches?.length) {
    try {
      jsonPatch(
        origin,
        c.matches.map(m => ({
          op: 'test',
          path: m.path,
          value: patchValue(m.value),
        })),
      );
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * ApplyResourceModifierRules: every rule whose conditions match the object
 * as it came out of the backup (its original namespace: restore.go applies
 * them before SetNamespace) patches it; a failing patch is an error of the
 * item, and the object is restored as it was.
 */
export function applyResourceModifiers(
  modifiers: ResourceModifiers,
  obj: KubeObject,
  groupResource: string,
  originalNamespace: string | undefined,
): { object: KubeObject; errors: string[] } {
  const origin = {
    ...obj,
    metadata: { ...obj.metadata, namespace: originalNamespace },
  };
  const errors: string[] = [];
  let object = obj;
  for (const rule of modifiers.resourceModifierRules) {
    if (!matches(rule, origin, groupResource)) continue;
    try {
      if (rule.patches?.length)
        object = jsonPatch(
          object,
          rule.patches.map(p => ({
            op: p.operation.toLowerCase(),
            path: p.path,
            from: p.from,
            value: patchValue(p.value),
          })),
        ) as KubeObject;
      else if (rule.mergePatches?.length)
        for (const p of rule.mergePatches)
          object = mergePatch(object, JSON.parse(p.patchData)) as KubeObject;
      else if (rule.strategicPatches?.length)
        errors.push(
          'strategic merge patches are not modelled by the simulator',
        );
    } catch (error) {
      errors.push(`error in applying patch ${(error as Error).message}`);
    }
  }
  return { object, errors };
}
