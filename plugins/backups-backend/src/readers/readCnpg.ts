import {
  matchesLabelSelector,
  type CnpgCluster,
  type CnpgSection,
} from '@internal/plugin-backups-common';
import { ClusterState, KubeItem } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { EntityTarget } from '../snapshot/ClusterSnapshot';
import { postgresSeconds } from './postgresSeconds';
import { conditionOf, ReadLog, readLog, tryList } from './tryList';
import { DRILL_LABELS } from '../drills/drillLabels';

const BARMAN_PLUGIN = 'barman-cloud.cloudnative-pg.io';
/** CNPG's default archive_timeout (pkg/postgres/configuration.go). */
const DEFAULT_ARCHIVE_TIMEOUT_SECONDS = 300;

function enabledPlugins(cluster: KubeItem): any[] {
  // `enabled` defaults to true.
  return (cluster.spec?.plugins ?? []).filter((p: any) => p?.enabled !== false);
}

function barmanPlugin(cluster: KubeItem) {
  return enabledPlugins(cluster).find((p: any) => p?.name === BARMAN_PLUGIN);
}

/**
 * Where WAL goes. The instance manager reports ContinuousArchiving=True even
 * with no destination, so this is what proves that WAL leaves the cluster:
 * in-tree Barman, or an enabled plugin that archives WAL (the Barman Cloud
 * Plugin does; others must say `isWALArchiver`).
 */
function walArchiver(cluster: KubeItem): CnpgCluster['walArchiver'] {
  if (cluster.spec?.backup?.barmanObjectStore?.destinationPath)
    return { kind: 'barmanObjectStore' };
  const plugin = enabledPlugins(cluster).find(
    (p: any) => p?.name === BARMAN_PLUGIN || p?.isWALArchiver === true,
  );
  return plugin ? { kind: 'plugin', plugin: String(plugin.name) } : undefined;
}

function toCluster(
  item: KubeItem,
  objectStores: KubeItem[] | undefined,
): CnpgCluster {
  const plugin = barmanPlugin(item);
  const base: CnpgCluster = {
    name: item.metadata.name,
    namespace: item.metadata.namespace ?? '',
    instances: item.status?.instances ?? item.spec?.instances,
    readyInstances: item.status?.readyInstances,
    phase: item.status?.phase,
    currentPrimary: item.status?.currentPrimary,
    continuousArchiving: conditionOf(item, 'ContinuousArchiving'),
    lastBackupSucceeded: conditionOf(item, 'LastBackupSucceeded'),
    ready: conditionOf(item, 'Ready'),
    inheritedLabels: item.spec?.inheritedMetadata?.labels,
    walArchiver: walArchiver(item),
    archiveTimeoutSeconds:
      postgresSeconds(item.spec?.postgresql?.parameters?.archive_timeout) ??
      DEFAULT_ARCHIVE_TIMEOUT_SECONDS,
  };
  if (plugin) {
    // With the plugin, the Cluster's own recovery fields stay empty; the
    // ObjectStore reports the window per server name.
    const storeName = plugin.parameters?.barmanObjectName;
    const serverName = plugin.parameters?.serverName ?? item.metadata.name;
    const store = objectStores?.find(s => s.metadata.name === storeName);
    const window = store?.status?.serverRecoveryWindow?.[serverName];
    return {
      ...base,
      objectStore: storeName,
      serverName,
      destinationPath: store?.spec?.configuration?.destinationPath,
      firstRecoverabilityPoint: window?.firstRecoverabilityPoint,
      lastSuccessfulBackup: window?.lastSuccessfulBackupTime,
      lastFailedBackup: window?.lastFailedBackupTime,
      recoveryWindowSource: 'objectStore',
      objectStoreMissing: objectStores ? !store : undefined,
    };
  }
  const inTree = item.spec?.backup?.barmanObjectStore;
  return {
    ...base,
    serverName: inTree?.serverName ?? item.metadata.name,
    destinationPath: inTree?.destinationPath,
    firstRecoverabilityPoint: item.status?.firstRecoverabilityPoint,
    lastSuccessfulBackup: item.status?.lastSuccessfulBackup,
    lastFailedBackup: item.status?.lastFailedBackup,
    recoveryWindowSource: inTree ? 'cluster' : undefined,
  };
}

/**
 * CloudNativePG clusters of the entity's namespace, with their recovery window,
 * base backups and scheduled backups.
 */
export async function readCnpg(
  state: ClusterState,
  target: EntityTarget,
): Promise<{ section?: CnpgSection } & ReadLog> {
  const log = readLog();
  const namespace = target.namespace;
  const listed = await tryList(
    state,
    'cnpg',
    resources.cnpgClusters,
    { namespace },
    log,
  );
  if (!listed) return log;
  // A restore drill's recovery Cluster is evidence, not one of the app's tiers.
  const all = listed.filter(c => !c.metadata.labels?.[DRILL_LABELS.drill]);

  let clusters = all;
  if (target.pinned.cnpgClusters) {
    clusters = all.filter(c =>
      target.pinned.cnpgClusters!.includes(c.metadata.name),
    );
  } else if (target.labelSelector) {
    // Seed §3.1: the app's CNPG cluster often lacks the app label; when the
    // selector matches none, every cluster of the namespace belongs to the app.
    const selector = target.labelSelector;
    const matching = all.filter(
      c =>
        matchesLabelSelector(selector, c.metadata.labels) ||
        matchesLabelSelector(selector, c.spec?.inheritedMetadata?.labels),
    );
    if (matching.length > 0) clusters = matching;
  }
  const names = new Set(clusters.map(c => c.metadata.name));
  const needsStores = clusters.some(c => barmanPlugin(c));

  const [stores, backups, scheduled] = await Promise.all([
    needsStores
      ? tryList(
          state,
          'cnpg',
          resources.barmanObjectStores,
          { namespace },
          log,
          'cnpg.objectStores',
        )
      : Promise.resolve([]),
    tryList(
      state,
      'cnpg',
      resources.cnpgBackups,
      { namespace },
      log,
      'cnpg.backups',
    ),
    tryList(
      state,
      'cnpg',
      resources.cnpgScheduledBackups,
      { namespace },
      log,
      'cnpg.scheduledBackups',
    ),
  ]);

  const mapped = clusters.map(c => toCluster(c, stores));
  return {
    ...log,
    section: {
      clusters: mapped,
      backups: (backups ?? [])
        .filter(b => names.has(b.spec?.cluster?.name))
        .map(b => ({
          name: b.metadata.name,
          cluster: b.spec.cluster.name,
          method: b.status?.method ?? b.spec?.method,
          phase: b.status?.phase,
          startedAt: b.status?.startedAt,
          stoppedAt: b.status?.stoppedAt,
          beginWal: b.status?.beginWal,
          endWal: b.status?.endWal,
          backupId: b.status?.backupId,
          error: b.status?.error,
          scheduledBackup: b.metadata.labels?.['cnpg.io/scheduled-backup'],
        }))
        .sort((a, b) =>
          String(b.startedAt ?? '').localeCompare(String(a.startedAt ?? '')),
        ),
      scheduledBackups: (scheduled ?? [])
        .filter(s => names.has(s.spec?.cluster?.name))
        .map(s => ({
          name: s.metadata.name,
          cluster: s.spec.cluster.name,
          schedule: String(s.spec?.schedule ?? ''),
          suspend: Boolean(s.spec?.suspend),
          method: s.spec?.method,
          lastScheduleTime: s.status?.lastScheduleTime,
          nextScheduleTime: s.status?.nextScheduleTime,
        })),
    },
  };
}
