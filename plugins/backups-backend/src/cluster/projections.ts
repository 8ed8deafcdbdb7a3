import { KubeItem, ResourceRef } from './ClusterState';

/** Keeps the latest mover log lines only; restic logs can be long. */
export const MOVER_LOG_EXCERPT = 2000;

const CONDITIONS = 'status.conditions';

/** The fields each kind's reader uses, as dotted paths under the object. */
const FIELDS: Record<string, string[]> = {
  'velero.io/schedules': [
    'spec.schedule',
    'spec.paused',
    'spec.template.includedNamespaces',
    'spec.template.excludedNamespaces',
    'spec.template.labelSelector',
    'spec.template.ttl',
    'spec.template.storageLocation',
    'spec.template.volumeSnapshotLocations',
    'status.phase',
    'status.lastBackup',
    'status.validationErrors',
  ],
  'velero.io/backups': [
    'spec.includedNamespaces',
    'spec.excludedNamespaces',
    'spec.storageLocation',
    'status',
  ],
  'velero.io/restores': [
    'spec.backupName',
    'spec.scheduleName',
    'spec.namespaceMapping',
    'status',
  ],
  'velero.io/backupstoragelocations': [
    'spec.provider',
    'spec.default',
    'spec.objectStorage.bucket',
    'spec.objectStorage.prefix',
    'status',
  ],
  'velero.io/volumesnapshotlocations': ['spec.provider', 'status.phase'],
  'apps/deployments': ['spec.replicas', 'status.readyReplicas'],
  'apps/daemonsets': ['status.numberReady', 'status.desiredNumberScheduled'],
  'snapshot.storage.k8s.io/volumesnapshotclasses': ['driver', 'deletionPolicy'],
  '/persistentvolumeclaims': [
    'spec.volumeName',
    'spec.storageClassName',
    'status.phase',
  ],
  'postgresql.cnpg.io/clusters': [
    'spec.instances',
    'spec.plugins',
    'spec.backup.barmanObjectStore.destinationPath',
    'spec.backup.barmanObjectStore.serverName',
    'spec.inheritedMetadata.labels',
    'status.instances',
    'status.readyInstances',
    'status.phase',
    'status.currentPrimary',
    'status.firstRecoverabilityPoint',
    'status.lastSuccessfulBackup',
    'status.lastFailedBackup',
    CONDITIONS,
  ],
  'barmancloud.cnpg.io/objectstores': [
    'spec.configuration.destinationPath',
    'status.serverRecoveryWindow',
  ],
  'postgresql.cnpg.io/backups': ['spec.cluster', 'spec.method', 'status'],
  'postgresql.cnpg.io/scheduledbackups': [
    'spec.cluster',
    'spec.schedule',
    'spec.suspend',
    'spec.method',
    'status',
  ],
  'volsync.backube/replicationsources': [
    'spec.sourcePVC',
    'spec.trigger',
    'spec.restic.repository',
    'spec.restic.retain',
    'status.lastSyncTime',
    'status.lastSyncStartTime',
    'status.lastSyncDuration',
    'status.nextSyncTime',
    'status.lastManualSync',
    'status.latestMoverStatus',
    CONDITIONS,
  ],
  'kustomize.toolkit.fluxcd.io/kustomizations': [
    'spec.suspend',
    'spec.path',
    'spec.targetNamespace',
    'spec.sourceRef',
    'status.lastAppliedRevision',
    'status.lastAttemptedRevision',
    CONDITIONS,
  ],
  'helm.toolkit.fluxcd.io/helmreleases': [
    'spec.suspend',
    'spec.chartRef',
    'spec.chart.spec.sourceRef',
    'spec.targetNamespace',
    'status.history',
    'status.lastAttemptedRevision',
    CONDITIONS,
  ],
  'source.toolkit.fluxcd.io/ocirepositories': [
    'spec.suspend',
    'status.artifact.revision',
    CONDITIONS,
  ],
  'source.toolkit.fluxcd.io/gitrepositories': [
    'spec.suspend',
    'status.artifact.revision',
    CONDITIONS,
  ],
  'external-secrets.io/externalsecrets': [
    'spec.target.name',
    'status.refreshTime',
    CONDITIONS,
  ],
};

function copyPath(from: any, to: any, path: string[]) {
  const [head, ...rest] = path;
  if (from === null || typeof from !== 'object' || !(head in from)) return;
  if (rest.length === 0) {
    to[head] = from[head];
    return;
  }
  to[head] ??= {};
  copyPath(from[head], to[head], rest);
}

function trimLargeFields(item: KubeItem) {
  const mover = item.status?.latestMoverStatus;
  if (
    typeof mover?.logs === 'string' &&
    mover.logs.length > MOVER_LOG_EXCERPT
  ) {
    item.status.latestMoverStatus = {
      ...mover,
      logs: mover.logs.slice(-MOVER_LOG_EXCERPT),
    };
  }
  // HelmRelease v2 keeps up to 10 releases; only the newest is shown.
  if (Array.isArray(item.status?.history)) {
    item.status.history = item.status.history.slice(0, 1);
  }
}

/**
 * Reduces a listed object to the fields its reader uses, so that whatever
 * holds cluster state (per-request LISTs today, a watch cache later) keeps
 * little. Kinds without a projection keep metadata, spec and status.
 */
export function projectItem(resource: ResourceRef, raw: any): KubeItem {
  const { name, namespace, labels, creationTimestamp } = raw?.metadata ?? {};
  const fields = FIELDS[`${resource.group}/${resource.plural}`] ?? [
    'spec',
    'status',
  ];
  const item: KubeItem = {
    metadata: { name, namespace, labels, creationTimestamp },
  };
  for (const field of fields) copyPath(raw, item, field.split('.'));
  // A deep copy, so nothing is shared with the source; typed client-node
  // models also carry Date objects, which become strings here.
  const copy: KubeItem = JSON.parse(JSON.stringify(item));
  trimLargeFields(copy);
  return copy;
}
