import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_KUBERNETES_NAMESPACE } from '@internal/plugin-backups-common';

/**
 * Whether the Backups tab applies to an entity: the backend maps an entity to
 * its objects through the Kubernetes namespace annotation.
 */
export function isBackupsAvailable(entity: Entity): boolean {
  return Boolean(
    entity.metadata.annotations?.[ANNOTATION_KUBERNETES_NAMESPACE]?.trim(),
  );
}
