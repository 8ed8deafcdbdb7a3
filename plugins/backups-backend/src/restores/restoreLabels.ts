import { createHash } from 'node:crypto';

/** On every Restore the plugin creates, naming who and what it is for. */
export const RESTORE_LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  /** A label-safe digest of the entity ref (refs hold ":" and "/"). */
  entity: 'backups.backstage.io/entity',
  target: 'backups.backstage.io/target-namespace',
} as const;

export const RESTORE_ANNOTATIONS = {
  entityRef: 'backups.backstage.io/entity-ref',
  requestedBy: 'backups.backstage.io/requested-by',
  requestId: 'backups.backstage.io/request-id',
  planHash: 'backups.backstage.io/plan-hash',
} as const;

export const MANAGED_BY = 'backstage-backups';

export function entityLabelValue(entityRef: string): string {
  return createHash('sha256').update(entityRef).digest('hex').slice(0, 40);
}

/**
 * The Restore's name, derived from the entity and the Idempotency-Key, so
 * that a repeat on any replica meets AlreadyExists instead of a second restore.
 */
export function restoreName(
  backupName: string,
  entityRef: string,
  idempotencyKey: string,
): string {
  const digest = createHash('sha256')
    .update(`${entityRef}\u0000${idempotencyKey}`)
    .digest('hex')
    .slice(0, 10);
  const base = backupName.slice(0, 40).replace(/[-.]+$/, '');
  return `${base}-r-${digest}`;
}
