import { KubeItem, ResourceRef } from './ClusterState';

/** Keeps the latest mover log lines only; restic logs can be long. */
export const MOVER_LOG_EXCERPT = 2000;

const CONDITIONS = 'status.conditions';
/** Pod volumes listed here go to Velero's file-system backup, not a snapshot. */
export const FS_BACKUP_ANNOTATION = 'backup.velero.io/backup-volumes';

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
    'spec.template.includedResources',
    'spec.template.excludedResources',
    'spec.template.snapshotVolumes',
    'spec.template.defaultVolumesToFsBackup',
    'spec.template.snapshotMoveData',
    'status.phase',
    'status.lastBackup',
    'status.lastSkipped',
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
    'spec.includedNamespaces',
    'spec.existingResourcePolicy',
    'metadata.annotations.backups.backstage.io/requested-by',
    'metadata.annotations.backups.backstage.io/entity-ref',
    'status',
  ],
  'velero.io/backupstoragelocations': [
    'spec.provider',
    'spec.default',
    'spec.objectStorage.bucket',
    'spec.objectStorage.prefix',
    'spec.accessMode',
    'spec.validationFrequency',
    'spec.credential.name',
    'status',
  ],
  'velero.io/podvolumebackups': ['status.phase'],
  'velero.io/downloadrequests': ['spec.target', 'status'],
  // Restore planning only asks whether an object exists.
  'velero.io/volumesnapshotlocations': ['spec.provider', 'status.phase'],
  'apps/deployments': [
    'spec.replicas',
    'spec.template.spec.containers',
    'status.readyReplicas',
    // Restore drills: is the restored copy Available?
    'status.availableReplicas',
    'status.observedGeneration',
    CONDITIONS,
  ],
  'apps/statefulsets': [
    'spec.replicas',
    'status.readyReplicas',
    'status.availableReplicas',
    'status.observedGeneration',
  ],
  'apps/daemonsets': ['status.numberReady', 'status.desiredNumberScheduled'],
  'snapshot.storage.k8s.io/volumesnapshotclasses': ['driver', 'deletionPolicy'],
  '/persistentvolumeclaims': [
    'spec.volumeName',
    'spec.storageClassName',
    // Restore drills: restored from a snapshot, or provisioned empty?
    'spec.dataSource',
    // VolSync drills: a fresh PVC the size and access modes of the source.
    'spec.accessModes',
    'spec.resources.requests.storage',
    'status.phase',
  ],
  '/pods': ['spec.volumes', `metadata.annotations.${FS_BACKUP_ANNOTATION}`],
  // Restores check that a namespace claims the entity (labels, annotations).
  '/namespaces': ['status.phase', 'metadata.annotations'],
  'storage.k8s.io/storageclasses': ['provisioner'],
  'postgresql.cnpg.io/clusters': [
    'spec.instances',
    'spec.plugins',
    // Restore drills copy the in-tree object store (Secret names, never values).
    'spec.backup.barmanObjectStore',
    // Recovery needs the same major version, storage and hot-standby parameters.
    'spec.postgresql.parameters',
    'spec.imageName',
    'spec.imageCatalogRef',
    'spec.storage',
    'spec.bootstrap.recovery.recoveryTarget',
    'spec.inheritedMetadata.labels',
    // The drill janitor: when a drill's recovery Cluster may be deleted.
    'metadata.annotations.backups.backstage.io/drill-expires-at',
    'status.instances',
    'status.readyInstances',
    'status.phase',
    'status.phaseReason',
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
    'spec.paused',
    'spec.restic.copyMethod',
    'spec.trigger',
    'spec.restic.repository',
    'spec.restic.retain',
    'spec.restic.storageClassName',
    'status.lastSyncTime',
    'status.lastSyncStartTime',
    'status.lastSyncDuration',
    'status.nextSyncTime',
    'status.lastManualSync',
    'status.latestMoverStatus',
    CONDITIONS,
  ],
  // A VolSync drill's destination; the janitor reads when it may delete it.
  'volsync.backube/replicationdestinations': [
    'spec',
    'status',
    'metadata.annotations.backups.backstage.io/drill-expires-at',
  ],
  'kustomize.toolkit.fluxcd.io/kustomizations': [
    'spec.suspend',
    'status.observedGeneration',
    'spec.path',
    'spec.targetNamespace',
    'spec.sourceRef',
    'status.lastAppliedRevision',
    'status.lastAttemptedRevision',
    CONDITIONS,
  ],
  'helm.toolkit.fluxcd.io/helmreleases': [
    'spec.suspend',
    'status.observedGeneration',
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

/**
 * Fields dropped from a kept whole part: a Backup's `status` is read whole
 * but for these two, which nothing reads and every one of tens of
 * thousands of cached Backups would carry.
 */
const OMIT: Record<string, string[][]> = {
  'velero.io/backups': [
    ['status', 'version'],
    ['status', 'formatVersion'],
  ],
};

type CompiledField = { path: string[] } | { annotation: string };

const compiled = new Map<string, CompiledField[]>();

/** A kind's fields as paths, parsed once: projection runs per object of a list. */
function compiledFields(kind: string): CompiledField[] {
  let fields = compiled.get(kind);
  if (!fields) {
    fields = (FIELDS[kind] ?? ['spec', 'status']).map(field => {
      // Annotation keys hold dots and slashes: copy them whole.
      const annotation = field.match(/^metadata\.annotations\.(.+)$/);
      return annotation
        ? { annotation: annotation[1] }
        : { path: field.split('.') };
    });
    compiled.set(kind, fields);
  }
  return fields;
}

function copyPath(from: any, to: any, path: string[]) {
  let source = from;
  let target = to;
  for (let i = 0; i < path.length; i++) {
    const head = path[i];
    if (source === null || typeof source !== 'object' || !(head in source))
      return;
    if (i === path.length - 1) {
      target[head] = source[head];
      return;
    }
    target[head] ??= {};
    source = source[head];
    target = target[head];
  }
}

function trimLargeFields(item: KubeItem) {
  delete item.metadata.annotations?.[
    'kubectl.kubernetes.io/last-applied-configuration'
  ];
  // Pods: only which PVCs they mount; containers: only the image.
  if (Array.isArray(item.spec?.volumes)) {
    item.spec.volumes = item.spec.volumes
      .filter((v: any) => v?.persistentVolumeClaim?.claimName)
      .map((v: any) => ({
        name: v.name,
        persistentVolumeClaim: { claimName: v.persistentVolumeClaim.claimName },
      }));
  }
  const containers = item.spec?.template?.spec?.containers;
  if (Array.isArray(containers)) {
    item.spec.template.spec.containers = containers.map((c: any) => ({
      name: c?.name,
      image: c?.image,
    }));
  }
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
  const {
    name,
    namespace,
    labels,
    creationTimestamp,
    generation,
    resourceVersion,
  } = raw?.metadata ?? {};
  const kind = `${resource.group}/${resource.plural}`;
  const fields = compiledFields(kind);
  const item: KubeItem = {
    metadata: {
      name,
      namespace,
      labels,
      creationTimestamp,
      generation,
      resourceVersion,
    },
  };
  for (const field of fields) {
    if ('annotation' in field) {
      const value = raw?.metadata?.annotations?.[field.annotation];
      if (value !== undefined)
        item.metadata.annotations = {
          ...item.metadata.annotations,
          [field.annotation]: value,
        };
    } else copyPath(raw, item, field.path);
  }
  // Dropped from a shallow copy before the round trip: deleting from the
  // copy kept would make it a larger, dictionary-mode object.
  const holder = item as Record<string, any>;
  for (const [part, field] of OMIT[kind] ?? [])
    if (
      holder[part] &&
      typeof holder[part] === 'object' &&
      field in holder[part]
    ) {
      holder[part] = { ...holder[part] };
      delete holder[part][field];
    }
  // A deep copy, so nothing is shared with the source; typed client-node
  // models also carry Date objects, which become strings here. A copy made
  // property by property would be faster, but JSON.parse sizes each object
  // to its keys: 100 B less per cached Backup (docs/performance.md, P4).
  const copy: KubeItem = JSON.parse(JSON.stringify(item));
  trimLargeFields(copy);
  return copy;
}
