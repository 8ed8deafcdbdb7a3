import type { VolsyncSection } from '@internal/plugin-backups-common';
import { ClusterState } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { EntityTarget } from '../snapshot/ClusterSnapshot';
import { conditionOf, ReadLog, readLog, tryList } from './tryList';

const LOG_EXCERPT = 2000;

/** VolSync ReplicationSources of the entity's namespace. */
export async function readVolsync(
  state: ClusterState,
  target: EntityTarget,
): Promise<{ section?: VolsyncSection } & ReadLog> {
  const log = readLog();
  const items = await tryList(
    state,
    'volsync',
    resources.replicationSources,
    { namespace: target.namespace },
    log,
  );
  if (!items) return log;
  const pinned = target.pinned.volsyncSources;
  return {
    ...log,
    section: {
      sources: items
        .filter(i => !pinned || pinned.includes(i.metadata.name))
        .map(i => {
          const logs: string | undefined = i.status?.latestMoverStatus?.logs;
          return {
            name: i.metadata.name,
            namespace: i.metadata.namespace ?? target.namespace,
            sourcePVC: i.spec?.sourcePVC,
            paused: i.spec?.paused === true,
            copyMethod: i.spec?.restic?.copyMethod,
            schedule: i.spec?.trigger?.schedule,
            manual: i.spec?.trigger?.manual,
            repository: i.spec?.restic?.repository,
            retain: i.spec?.restic?.retain,
            lastSyncTime: i.status?.lastSyncTime,
            lastSyncStartTime: i.status?.lastSyncStartTime,
            lastSyncDuration: i.status?.lastSyncDuration,
            nextSyncTime: i.status?.nextSyncTime,
            moverResult: i.status?.latestMoverStatus?.result,
            moverLogs:
              logs && logs.length > LOG_EXCERPT
                ? logs.slice(-LOG_EXCERPT)
                : logs,
            synchronizing: conditionOf(i, 'Synchronizing'),
          };
        }),
    },
  };
}
