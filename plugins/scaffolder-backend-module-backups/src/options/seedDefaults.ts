/** Everything the generator needs, after defaults from config and the seed are applied. */
export type VeleroBackupOptions = {
  appName: string;
  namespace: string;
  labelSelector: string;
  schedule: string;
  scheduleName: string;
  ttl: string;
  includedResources: string[];
  veleroNamespace: string;
  storageLocation: string;
  bucket: string;
  provider: string;
  snapshotLocation: string;
  snapshotProvider: string;
  secretStoreKind: string;
  secretStoreName: string;
  secretKey: string;
  veleroVersion: string;
  gcpPluginVersion: string;
  chartVersion: string;
  chartUrl: string;
  basePath: string;
  overlayKustomization: string;
  fluxSourceKind: string;
  fluxSourceName: string;
  /** Root of the Flux source in the repository; Kustomization paths are relative to it. */
  fluxSourceRoot: string;
  fluxDependsOn: string[];
  cnpgCluster?: string;
  hookContainer: string;
  hookVolumes: string;
};

/** The seed's values: the defaults when neither input nor config gives one. */
export const seedDefaults = {
  schedule: '0 3 * * *',
  ttl: '168h',
  includedResources: [
    'persistentvolumeclaims',
    'persistentvolumes',
    'pods',
    'deployments',
    'statefulsets',
    'configmaps',
    'secrets',
  ],
  veleroNamespace: 'velero',
  storageLocation: 'gcs',
  bucket: 'hayden-velero-backups',
  provider: 'gcp',
  snapshotLocation: 'csi-ceph-blockpool',
  snapshotProvider: 'velero.io/csi',
  secretStoreKind: 'ClusterSecretStore',
  secretStoreName: 'onepassword',
  secretKey: 'velero-gcs',
  veleroVersion: 'v1.15.0',
  gcpPluginVersion: 'v1.11.0',
  chartVersion: '8.2.0',
  chartUrl: 'oci://ghcr.io/vmware-tanzu/helm-charts/velero',
  basePath: 'kubernetes/apps/base',
  overlayKustomization:
    'kubernetes/apps/overlays/cluster-00/kustomization.yaml',
  fluxSourceKind: 'GitRepository',
  fluxSourceName: 'flux-system',
  fluxSourceRoot: '.',
  fluxDependsOn: ['external-secrets', 'rook-ceph-cluster'],
  hookVolumes: 'filestore',
};
