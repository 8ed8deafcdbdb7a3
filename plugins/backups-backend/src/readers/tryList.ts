import type { SourceError } from '@internal/plugin-backups-common';
import {
  ClusterState,
  KubeItem,
  ListOptions,
  ResourceRef,
} from '../cluster/ClusterState';
import { toSourceError } from '../cluster/toSourceError';

/** Lists, or records the failure in `errors` and returns undefined. */
export async function tryList(
  state: ClusterState,
  source: string,
  resource: ResourceRef,
  options: ListOptions,
  errors: SourceError[],
): Promise<KubeItem[] | undefined> {
  try {
    return await state.list(resource, options);
  } catch (error) {
    errors.push(
      toSourceError(
        source,
        resource,
        options.namespace,
        error,
        state.clusterName,
      ),
    );
    return undefined;
  }
}

export function conditionOf(item: KubeItem | undefined, type: string) {
  const found = (item?.status?.conditions ?? []).find(
    (c: any) => c?.type === type,
  );
  if (!found) return undefined;
  return {
    status: (['True', 'False'].includes(found.status)
      ? found.status
      : 'Unknown') as 'True' | 'False' | 'Unknown',
    ...(found.reason ? { reason: String(found.reason) } : {}),
    ...(found.message ? { message: String(found.message) } : {}),
    ...(found.lastTransitionTime
      ? { lastTransitionTime: String(found.lastTransitionTime) }
      : {}),
  };
}
