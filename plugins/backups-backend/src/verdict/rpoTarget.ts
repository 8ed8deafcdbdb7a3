import type { TierKind } from '@internal/plugin-backups-common';
import { VerdictOptions } from './VerdictOptions';

/**
 * The RPO target of a tier and where it came from: the entity annotation
 * (by name, then by kind), config, or the schedule's interval plus grace.
 */
export function rpoTarget(
  kind: TierKind,
  name: string,
  defaultSeconds: number | undefined,
  options: VerdictOptions,
): { seconds?: number; source: string } {
  const byName = options.annotationTargets[`${kind}/${name}`];
  if (byName !== undefined) return { seconds: byName, source: 'annotation' };
  const byKind = options.annotationTargets[kind];
  if (byKind !== undefined) return { seconds: byKind, source: 'annotation' };
  const configured = options.configTargets[kind];
  if (configured !== undefined)
    return { seconds: configured, source: 'config' };
  return { seconds: defaultSeconds, source: 'default' };
}

/**
 * Parses `kind[/name]=duration` pairs, e.g. `cnpg=10m,velero/odoo-daily=30h`,
 * the form of the per-tier target annotations; bad entries are reported,
 * named by the annotation.
 */
export function parseTierDurations(
  annotation: string,
  value: string | undefined,
  parse: (d: string) => number | undefined,
  example: string,
): { targets: Record<string, number>; problems: string[] } {
  const targets: Record<string, number> = {};
  const problems: string[] = [];
  for (const entry of (value ?? '')
    .split(',')
    .map(e => e.trim())
    .filter(Boolean)) {
    const [key, duration] = entry.split('=').map(p => p?.trim());
    const seconds = parse(duration ?? '');
    if (
      !key ||
      !/^(cnpg|velero|volsync)(\/[a-z0-9.-]+)?$/.test(key) ||
      seconds === undefined
    ) {
      problems.push(
        `${annotation}: ignored "${entry}": expected kind[/name]=duration, e.g. ${example}`,
      );
    } else targets[key] = seconds;
  }
  return { targets, problems };
}

/** Parses `backups.backstage.io/rpo-targets`, e.g. `cnpg=10m,velero=26h,velero/odoo-daily=30h`. */
export function parseRpoAnnotation(
  value: string | undefined,
  parse: (d: string) => number | undefined,
): { targets: Record<string, number>; problems: string[] } {
  return parseTierDurations(
    'backups.backstage.io/rpo-targets',
    value,
    parse,
    'velero=26h',
  );
}
