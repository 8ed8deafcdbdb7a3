import { ResourceRef } from './ClusterState';

function ref(
  group: string,
  version: string,
  kind: string,
  plural: string,
): ResourceRef {
  return { group, version, kind, plural };
}

/** Every kind the readers list and drills write. Secrets are deliberately absent. */
export const resources = {
  veleroSchedules: ref('velero.io', 'v1', 'Schedule', 'schedules'),
  veleroBackups: ref('velero.io', 'v1', 'Backup', 'backups'),
  veleroRestores: ref('velero.io', 'v1', 'Restore', 'restores'),
  veleroStorageLocations: ref(
    'velero.io',
    'v1',
    'BackupStorageLocation',
    'backupstoragelocations',
  ),
  veleroSnapshotLocations: ref(
    'velero.io',
    'v1',
    'VolumeSnapshotLocation',
    'volumesnapshotlocations',
  ),
  deployments: ref('apps', 'v1', 'Deployment', 'deployments'),
  daemonSets: ref('apps', 'v1', 'DaemonSet', 'daemonsets'),
  volumeSnapshotClasses: ref(
    'snapshot.storage.k8s.io',
    'v1',
    'VolumeSnapshotClass',
    'volumesnapshotclasses',
  ),
  persistentVolumeClaims: ref(
    '',
    'v1',
    'PersistentVolumeClaim',
    'persistentvolumeclaims',
  ),
  pods: ref('', 'v1', 'Pod', 'pods'),
  downloadRequests: ref(
    'velero.io',
    'v1',
    'DownloadRequest',
    'downloadrequests',
  ),
  namespaces: ref('', 'v1', 'Namespace', 'namespaces'),
  storageClasses: ref('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses'),
  podVolumeBackups: ref(
    'velero.io',
    'v1',
    'PodVolumeBackup',
    'podvolumebackups',
  ),
  cnpgClusters: ref('postgresql.cnpg.io', 'v1', 'Cluster', 'clusters'),
  cnpgBackups: ref('postgresql.cnpg.io', 'v1', 'Backup', 'backups'),
  cnpgScheduledBackups: ref(
    'postgresql.cnpg.io',
    'v1',
    'ScheduledBackup',
    'scheduledbackups',
  ),
  barmanObjectStores: ref(
    'barmancloud.cnpg.io',
    'v1',
    'ObjectStore',
    'objectstores',
  ),
  replicationSources: ref(
    'volsync.backube',
    'v1alpha1',
    'ReplicationSource',
    'replicationsources',
  ),
  kustomizations: ref(
    'kustomize.toolkit.fluxcd.io',
    'v1',
    'Kustomization',
    'kustomizations',
  ),
  helmReleases: ref(
    'helm.toolkit.fluxcd.io',
    'v2',
    'HelmRelease',
    'helmreleases',
  ),
  ociRepositories: ref(
    'source.toolkit.fluxcd.io',
    'v1',
    'OCIRepository',
    'ocirepositories',
  ),
  gitRepositories: ref(
    'source.toolkit.fluxcd.io',
    'v1',
    'GitRepository',
    'gitrepositories',
  ),
  externalSecrets: ref(
    'external-secrets.io',
    'v1',
    'ExternalSecret',
    'externalsecrets',
  ),
  // Restore drills: what they check in the restored copy, and what they create.
  statefulSets: ref('apps', 'v1', 'StatefulSet', 'statefulsets'),
  networkPolicies: ref(
    'networking.k8s.io',
    'v1',
    'NetworkPolicy',
    'networkpolicies',
  ),
  configMaps: ref('', 'v1', 'ConfigMap', 'configmaps'),
  replicationDestinations: ref(
    'volsync.backube',
    'v1alpha1',
    'ReplicationDestination',
    'replicationdestinations',
  ),
} as const;
