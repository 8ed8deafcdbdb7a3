import type { SourceError } from '@internal/plugin-backups-common';
import { ClusterState } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { EntityTarget, PvcInfo } from '../snapshot/ClusterSnapshot';
import { tryList } from './tryList';

/** Every PVC of the entity's namespace, for coverage. */
export async function readPvcs(
  state: ClusterState,
  target: EntityTarget,
): Promise<{ pvcs?: PvcInfo[]; errors: SourceError[] }> {
  const errors: SourceError[] = [];
  const items = await tryList(
    state,
    'kubernetes',
    resources.persistentVolumeClaims,
    { namespace: target.namespace },
    errors,
  );
  return {
    errors,
    pvcs: items?.map(i => ({
      name: i.metadata.name,
      namespace: i.metadata.namespace ?? target.namespace,
      labels: i.metadata.labels ?? {},
      volumeName: i.spec?.volumeName,
      storageClassName: i.spec?.storageClassName,
    })),
  };
}
