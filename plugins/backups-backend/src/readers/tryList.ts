import type { SourceError } from '@internal/plugin-backups-common';
import {
  ClusterState,
  KubeItem,
  ListOptions,
  ResourceRef,
} from '../cluster/ClusterState';
import { toSourceError } from '../cluster/toSourceError';
import { UnreadKey } from '../snapshot/ClusterSnapshot';

/** Where a reader records what it could not read. */
export type ReadLog = { errors: SourceError[]; unread: UnreadKey[] };

/** A fresh, empty read log. */
export function readLog(): ReadLog {
  return { errors: [], unread: [] };
}

/**
 * Lists, or records the failure (as an error, and as `key` in `unread`) and
 * returns undefined. A list that fails on any page is not returned at all.
 */
export async function tryList(
  state: ClusterState,
  source: string,
  resource: ResourceRef,
  options: ListOptions,
  log: ReadLog,
  key?: UnreadKey,
): Promise<KubeItem[] | undefined> {
  try {
    return await state.list(resource, options);
  } catch (error) {
    log.errors.push(
      toSourceError(
        source,
        resource,
        options.namespace,
        error,
        state.clusterName,
      ),
    );
    if (key && !log.unread.includes(key)) log.unread.push(key);
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
