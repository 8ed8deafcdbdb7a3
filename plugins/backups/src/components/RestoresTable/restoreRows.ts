import type {
  RestoreListItem,
  VeleroRestore,
} from '@internal/plugin-backups-common';

/** One restore as the table shows it, from the overview, from Backstage's list, or both. */
export type RestoreRow = {
  id: string;
  name: string;
  backupName?: string;
  phase: string;
  itemsRestored?: number;
  totalItems?: number;
  errors?: number;
  warnings?: number;
  failureReason?: string;
  startedAt?: string;
  requestedBy?: string;
  target?: string;
};

function fromOverview(r: VeleroRestore): RestoreRow {
  const mapping = Object.entries(r.namespaceMapping ?? {})
    .map(([from, to]) => `${from} → ${to}`)
    .join(', ');
  return {
    id: r.name,
    name: r.name,
    backupName: r.backupName,
    phase: r.phase,
    itemsRestored: r.itemsRestored,
    totalItems: r.totalItems,
    errors: r.errors,
    warnings: r.warnings,
    failureReason: r.failureReason,
    startedAt: r.startTimestamp,
    target: mapping || undefined,
  };
}

function fromList(r: RestoreListItem): Partial<RestoreRow> {
  const row: Partial<RestoreRow> = {
    id: r.name,
    name: r.name,
    backupName: r.backupName,
    phase: r.phase,
    itemsRestored: r.progress?.itemsRestored,
    totalItems: r.progress?.totalItems,
    errors: r.errors,
    warnings: r.warnings,
    requestedBy: r.requestedBy,
    target: r.targetNamespace,
  };
  // Unknown facts leave the overview's in place.
  return Object.fromEntries(
    Object.entries(row).filter(([, v]) => v !== undefined),
  );
}

/**
 * The overview's restores and those made through Backstage, one row per
 * restore name; Backstage's list is read directly, so its facts win.
 */
export function restoreRows(
  overview: VeleroRestore[],
  made: RestoreListItem[],
): RestoreRow[] {
  const rows = new Map(overview.map(r => [r.name, fromOverview(r)]));
  for (const item of made) {
    const known = rows.get(item.name);
    rows.set(item.name, {
      ...(known ?? { id: item.name, name: item.name, phase: item.phase }),
      startedAt: known?.startedAt ?? item.createdAt,
      ...fromList(item),
    });
  }
  return [...rows.values()];
}
