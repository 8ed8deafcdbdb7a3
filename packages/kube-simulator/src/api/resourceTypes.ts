/** A kind of object the simulator serves. */
export type ResourceType = {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** True for CustomResourceDefinitions; a scenario may leave their group out. */
  crd?: boolean;
};

function type(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced = true,
  extra: Partial<ResourceType> = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    ...extra,
  };
}

function crd(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced = true,
  shortNames?: string[],
): ResourceType {
  return type(group, version, kind, plural, namespaced, {
    crd: true,
    shortNames,
  });
}

/** Built-in kinds that Backstage's Kubernetes backend and the backups readers ask for. */
export const builtInResourceTypes: ResourceType[] = [
  type('', 'v1', 'Namespace', 'namespaces', false, { shortNames: ['ns'] }),
  type('', 'v1', 'Node', 'nodes', false, { shortNames: ['no'] }),
  type('', 'v1', 'Pod', 'pods', true, { shortNames: ['po'] }),
  type('', 'v1', 'Service', 'services', true, { shortNames: ['svc'] }),
  type('', 'v1', 'ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
  type('', 'v1', 'Secret', 'secrets'),
  type('', 'v1', 'ServiceAccount', 'serviceaccounts', true, {
    shortNames: ['sa'],
  }),
  type('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, {
    shortNames: ['pvc'],
  }),
  type('', 'v1', 'PersistentVolume', 'persistentvolumes', false, {
    shortNames: ['pv'],
  }),
  type('', 'v1', 'Event', 'events', true, { shortNames: ['ev'] }),
  type('', 'v1', 'LimitRange', 'limitranges', true, { shortNames: ['limits'] }),
  type('', 'v1', 'ResourceQuota', 'resourcequotas', true, {
    shortNames: ['quota'],
  }),
  type('apps', 'v1', 'Deployment', 'deployments', true, {
    shortNames: ['deploy'],
  }),
  type('apps', 'v1', 'DaemonSet', 'daemonsets', true, { shortNames: ['ds'] }),
  type('apps', 'v1', 'StatefulSet', 'statefulsets', true, {
    shortNames: ['sts'],
  }),
  type('apps', 'v1', 'ReplicaSet', 'replicasets', true, { shortNames: ['rs'] }),
  type('batch', 'v1', 'Job', 'jobs'),
  type('batch', 'v1', 'CronJob', 'cronjobs', true, { shortNames: ['cj'] }),
  type(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    true,
    {
      shortNames: ['hpa'],
    },
  ),
  type('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, {
    shortNames: ['ing'],
  }),
  type('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, {
    shortNames: ['netpol'],
  }),
  type('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, {
    shortNames: ['sc'],
  }),
  // metrics-server: Backstage's Kubernetes plugin reads pod usage from it.
  type('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods'),
];

/** The CRDs of the tools the product reads, at the versions current controllers serve. */
export const customResourceTypes: ResourceType[] = [
  crd('velero.io', 'v1', 'Backup', 'backups'),
  crd('velero.io', 'v1', 'Schedule', 'schedules'),
  crd('velero.io', 'v1', 'Restore', 'restores'),
  crd(
    'velero.io',
    'v1',
    'BackupStorageLocation',
    'backupstoragelocations',
    true,
    ['bsl'],
  ),
  crd(
    'velero.io',
    'v1',
    'VolumeSnapshotLocation',
    'volumesnapshotlocations',
    true,
    ['vsl'],
  ),
  crd('velero.io', 'v1', 'DownloadRequest', 'downloadrequests'),
  crd('velero.io', 'v1', 'PodVolumeBackup', 'podvolumebackups'),
  crd('velero.io', 'v1', 'DeleteBackupRequest', 'deletebackuprequests'),
  crd('postgresql.cnpg.io', 'v1', 'Cluster', 'clusters'),
  crd('postgresql.cnpg.io', 'v1', 'Backup', 'backups'),
  crd('postgresql.cnpg.io', 'v1', 'ScheduledBackup', 'scheduledbackups'),
  crd('barmancloud.cnpg.io', 'v1', 'ObjectStore', 'objectstores'),
  crd('volsync.backube', 'v1alpha1', 'ReplicationSource', 'replicationsources'),
  crd(
    'volsync.backube',
    'v1alpha1',
    'ReplicationDestination',
    'replicationdestinations',
  ),
  crd('helm.toolkit.fluxcd.io', 'v2', 'HelmRelease', 'helmreleases', true, [
    'hr',
  ]),
  crd(
    'kustomize.toolkit.fluxcd.io',
    'v1',
    'Kustomization',
    'kustomizations',
    true,
    ['ks'],
  ),
  crd(
    'source.toolkit.fluxcd.io',
    'v1',
    'GitRepository',
    'gitrepositories',
    true,
    ['gitrepo'],
  ),
  crd(
    'source.toolkit.fluxcd.io',
    'v1',
    'OCIRepository',
    'ocirepositories',
    true,
    ['ocirepo'],
  ),
  crd(
    'source.toolkit.fluxcd.io',
    'v1',
    'HelmRepository',
    'helmrepositories',
    true,
    ['helmrepo'],
  ),
  crd('external-secrets.io', 'v1', 'ExternalSecret', 'externalsecrets', true, [
    'es',
  ]),
  crd('external-secrets.io', 'v1', 'SecretStore', 'secretstores', true, ['ss']),
  crd(
    'external-secrets.io',
    'v1',
    'ClusterSecretStore',
    'clustersecretstores',
    false,
    ['css'],
  ),
  crd(
    'snapshot.storage.k8s.io',
    'v1',
    'VolumeSnapshot',
    'volumesnapshots',
    true,
    ['vs'],
  ),
  crd(
    'snapshot.storage.k8s.io',
    'v1',
    'VolumeSnapshotClass',
    'volumesnapshotclasses',
    false,
    ['vsclass'],
  ),
  crd(
    'snapshot.storage.k8s.io',
    'v1',
    'VolumeSnapshotContent',
    'volumesnapshotcontents',
    false,
    ['vsc'],
  ),
];

/** "group/version" as in apiVersion, "v1" for the core group. */
export function groupVersion(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}
