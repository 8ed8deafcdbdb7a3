import type { KubeItem } from '../cluster/ClusterState';
import { DrillFailure } from './DrillRunner';

const BARMAN_PLUGIN = 'barman-cloud.cloudnative-pg.io';
/** The name of the source in `externalClusters`. */
const ORIGIN = 'origin';

/**
 * Where the source's base backups and WAL are: its WAL-archiving Barman
 * Cloud Plugin ObjectStore, or its in-tree `backup.barmanObjectStore`
 * (copied whole: the Secrets it names are in the same namespace).
 */
function externalCluster(source: KubeItem, serverName: string) {
  const plugin = (source.spec?.plugins ?? []).find(
    (p: any) =>
      p?.name === BARMAN_PLUGIN && p?.enabled !== false && p?.isWALArchiver,
  );
  if (plugin?.parameters?.barmanObjectName)
    return {
      name: ORIGIN,
      plugin: {
        name: BARMAN_PLUGIN,
        parameters: {
          barmanObjectName: plugin.parameters.barmanObjectName,
          serverName,
        },
      },
    };
  const inTree = source.spec?.backup?.barmanObjectStore;
  if (inTree?.destinationPath)
    return { name: ORIGIN, barmanObjectStore: { ...inTree, serverName } };
  return undefined;
}

/**
 * The recovery Cluster of a CNPG drill: one instance, the source's image,
 * storage and PostgreSQL parameters (a standby in recovery needs
 * max_connections and the like at least as high as the primary's), a
 * point-in-time recovery from the source's object store to `targetTime`,
 * and no `backup` or `plugins` section, so it archives nothing
 * (plugin-barman-cloud docs: a restored cluster without `.spec.plugins`
 * does not archive WAL).
 */
export function cnpgDrillCluster(options: {
  source: KubeItem;
  serverName: string;
  name: string;
  targetTime: string;
  metadata: {
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
}): Record<string, any> {
  const { source } = options;
  const origin = externalCluster(source, options.serverName);
  if (!origin)
    throw new DrillFailure(
      `CNPG cluster ${source.metadata.name} archives to no object store (no Barman Cloud Plugin WAL archiver, no backup.barmanObjectStore): there is nothing to recover from`,
    );
  const spec = source.spec ?? {};
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: {
      name: options.name,
      namespace: source.metadata.namespace,
      ...options.metadata,
    },
    spec: {
      instances: 1,
      ...(spec.imageName ? { imageName: spec.imageName } : {}),
      ...(spec.imageCatalogRef
        ? { imageCatalogRef: spec.imageCatalogRef }
        : {}),
      ...(spec.postgresql?.parameters
        ? { postgresql: { parameters: spec.postgresql.parameters } }
        : {}),
      storage: spec.storage ?? { size: '1Gi' },
      bootstrap: {
        recovery: {
          source: ORIGIN,
          recoveryTarget: { targetTime: options.targetTime },
        },
      },
      externalClusters: [origin],
    },
  };
}
