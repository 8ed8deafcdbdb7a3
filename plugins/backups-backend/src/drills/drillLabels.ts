import { MANAGED_BY, RESTORE_LABELS } from '../restores/restoreLabels';

/** On everything a drill creates: the janitor finds leftovers by them. */
export const DRILL_LABELS = {
  managedBy: RESTORE_LABELS.managedBy,
  /** The drill's id: what the janitor and the drill's own cleanup select on. */
  drill: 'backups.backstage.io/drill',
  entity: RESTORE_LABELS.entity,
} as const;

export const DRILL_ANNOTATIONS = {
  entityRef: 'backups.backstage.io/entity-ref',
  /** After this, the janitor deletes what is left of the drill. */
  expiresAt: 'backups.backstage.io/drill-expires-at',
} as const;

export { MANAGED_BY };

/** A drill's short id: the first 8 hex digits of its UUID, for object names. */
export function shortId(id: string): string {
  return id.replace(/-/g, '').slice(0, 8);
}

/** `<namespace>-drill-<id>`, within a namespace name's 63 characters. */
export function drillNamespaceName(source: string, id: string): string {
  const suffix = `-drill-${shortId(id)}`;
  return `${source.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** The recovery CNPG Cluster of a drill, beside the source. */
export function drillClusterName(source: string, id: string): string {
  const suffix = `-drill-${shortId(id)}`;
  // CNPG derives Services and Jobs (`<name>-1-full-recovery`) from it.
  return `${source.slice(0, 40 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** The Velero Restore and its resource-modifier ConfigMap, in Velero's namespace. */
export function drillRestoreName(id: string): string {
  return `backups-drill-${shortId(id)}`;
}
