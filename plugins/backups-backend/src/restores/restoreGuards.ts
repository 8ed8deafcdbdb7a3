import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import { KubeItem } from '../cluster/ClusterState';
import { includesNamespace } from '../readers/includesNamespace';
import { RestoreConfig } from './restoreConfig';

/** The entity's id that a Namespace must carry: its kubernetes-id, else its name. */
export function entityId(entity: Entity): string {
  return (
    entity.metadata.annotations?.['backstage.io/kubernetes-id']?.trim() ||
    entity.metadata.name
  );
}

function ownerRef(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  return owner.includes(':')
    ? owner
    : `group:${entity.metadata.namespace ?? 'default'}/${owner}`;
}

/**
 * Whether a Namespace claims the entity: the label `backstage.io/kubernetes-id`
 * with the entity's id, or the configured annotation naming its owner. An
 * entity's annotations alone prove nothing: anyone who edits an entity could
 * point it at another team's namespace.
 */
export function namespaceClaims(
  namespace: KubeItem,
  entity: Entity,
  config: RestoreConfig,
): boolean {
  if (
    namespace.metadata.labels?.['backstage.io/kubernetes-id'] ===
    entityId(entity)
  )
    return true;
  const owner =
    namespace.metadata.annotations?.[config.namespaceOwnerAnnotation];
  return Boolean(owner && ownerRef(entity) && owner === ownerRef(entity));
}

export function claimHint(
  namespace: string,
  entity: Entity,
  config: RestoreConfig,
) {
  return `kubectl label namespace ${namespace} backstage.io/kubernetes-id=${entityId(
    entity,
  )} (or annotate it ${config.namespaceOwnerAnnotation}=${
    ownerRef(entity) ?? '<owner group>'
  })`;
}

/** The namespaces a restore may write to: in place, or a configured mapping. */
export function allowedTargets(
  namespace: string,
  config: RestoreConfig,
): string[] {
  return [
    namespace,
    ...config.targetNamespaces.map(t => t.replace('{namespace}', namespace)),
  ];
}

/** Refuses targets that are never allowed, and any not configured. */
export function checkTarget(
  source: string,
  target: string,
  veleroNamespace: string,
  config: RestoreConfig,
) {
  if (
    target.startsWith('kube-') ||
    target === veleroNamespace ||
    config.forbiddenNamespaces.includes(target)
  )
    throw new InputError(
      `targetNamespace: ${target} is a system namespace and is never a restore target`,
    );
  const allowed = allowedTargets(source, config);
  if (!allowed.includes(target))
    throw new InputError(
      `targetNamespace: ${target} is not allowed; use one of ${allowed.join(
        ', ',
      )}`,
    );
}

/** The backup must exist, hold the entity's namespace, be restorable and unexpired. */
export function checkBackup(
  backup: KubeItem | undefined,
  name: string,
  namespace: string,
  options: { acknowledgePartiallyFailed?: boolean; now: Date },
): KubeItem {
  if (!backup) throw new NotFoundError(`backupName: no backup ${name}`);
  if (!includesNamespace(backup.spec ?? {}, namespace))
    throw new NotAllowedError(
      `backupName: backup ${name} does not hold namespace ${namespace}, so it is not this entity's`,
    );
  const phase = backup.status?.phase;
  if (phase === 'PartiallyFailed' && !options.acknowledgePartiallyFailed)
    throw new InputError(
      `acknowledgePartiallyFailed: backup ${name} only partly succeeded (PartiallyFailed); set acknowledgePartiallyFailed to restore what it holds`,
    );
  if (phase !== 'Completed' && phase !== 'PartiallyFailed')
    throw new InputError(
      `backupName: backup ${name} is ${
        phase ?? 'not processed yet'
      }; only a Completed (or acknowledged PartiallyFailed) backup can be restored`,
    );
  const expiration = backup.status?.expiration;
  if (expiration && new Date(expiration) <= options.now)
    throw new InputError(`backupName: backup ${name} expired at ${expiration}`);
  return backup;
}
