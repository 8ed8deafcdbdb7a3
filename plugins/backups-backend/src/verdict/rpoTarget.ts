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

/** Parses `cnpg=10m,velero=26h,velero/odoo-daily=30h`; bad entries are reported. */
export function parseRpoAnnotation(
  value: string | undefined,
  parse: (d: string) => number | undefined,
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
        `backups.backstage.io/rpo-targets: ignored "${entry}": expected kind[/name]=duration, e.g. velero=26h`,
      );
    } else targets[key] = seconds;
  }
  return { targets, problems };
}
