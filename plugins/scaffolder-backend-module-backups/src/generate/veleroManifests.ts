import { veleroLabelSelector } from './labelSelectorObject';
import { fluxPath, veleroPaths } from './paths';
import { VeleroBackupOptions } from '../options/veleroOptionsSchema';

/** Velero 1.14 and later carry the CSI plugin in core. */
export function veleroHasBuiltInCsi(version: string): boolean {
  const m = version.match(/^v?(\d+)\.(\d+)/);
  return Boolean(m) && (Number(m![1]) > 1 || Number(m![2]) >= 14);
}

export function namespaceManifest(o: VeleroBackupOptions) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: o.veleroNamespace,
      labels: { 'pod-security.kubernetes.io/enforce': 'privileged' },
    },
  };
}

export function externalSecretManifest(o: VeleroBackupOptions) {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: o.secretKey, namespace: o.veleroNamespace },
    spec: {
      secretStoreRef: { kind: o.secretStoreKind, name: o.secretStoreName },
      target: {
        name: o.secretKey,
        template: { data: { cloud: '{{ .credentials }}' } },
      },
      dataFrom: [{ extract: { key: o.secretKey } }],
    },
  };
}

export function ociRepositoryManifest(o: VeleroBackupOptions) {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'OCIRepository',
    metadata: { name: 'velero', namespace: o.veleroNamespace },
    spec: { interval: '12h', url: o.chartUrl, ref: { tag: o.chartVersion } },
  };
}

export function helmReleaseManifest(o: VeleroBackupOptions) {
  const plugins = [
    {
      name: `velero-plugin-for-${o.provider}`,
      image: `velero/velero-plugin-for-${o.provider}:${o.gcpPluginVersion}`,
      volumeMounts: [{ name: 'plugins', mountPath: '/target' }],
    },
    // Velero < 1.14 still needs the CSI plugin as an init container.
    ...(veleroHasBuiltInCsi(o.veleroVersion)
      ? []
      : [
          {
            name: 'velero-plugin-for-csi',
            image: 'velero/velero-plugin-for-csi:v0.7.1',
            volumeMounts: [{ name: 'plugins', mountPath: '/target' }],
          },
        ]),
  ];
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'velero', namespace: o.veleroNamespace },
    spec: {
      interval: '30m',
      chartRef: { kind: 'OCIRepository', name: 'velero' },
      values: {
        image: { repository: 'velero/velero', tag: o.veleroVersion },
        initContainers: plugins,
        configuration: {
          backupStorageLocation: [
            {
              name: o.storageLocation,
              provider: o.provider,
              bucket: o.bucket,
              credential: { name: o.secretKey, key: 'cloud' },
            },
          ],
          volumeSnapshotLocation: [
            { name: o.snapshotLocation, provider: o.snapshotProvider },
          ],
          defaultBackupStorageLocation: o.storageLocation,
          defaultVolumeSnapshotLocations: `${o.snapshotProvider}:${o.snapshotLocation}`,
          features: 'EnableCSI',
        },
        credentials: { useSecret: true, existingSecret: o.secretKey },
        snapshotsEnabled: true,
        deployNodeAgent: true,
        nodeAgent: {
          podVolumePath: '/var/lib/kubelet/pods',
          containerSecurityContext: { privileged: true },
        },
        schedules: {},
        resources: {
          requests: { cpu: '100m', memory: '256Mi' },
          limits: { memory: '512Mi' },
        },
      },
    },
  };
}

export function appKustomizationManifest(o: VeleroBackupOptions) {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: o.veleroNamespace,
    resources: [
      'externalsecret.yaml',
      'ocirepository.yaml',
      'helmrelease.yaml',
    ],
  };
}

export function systemKustomizationManifest() {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: ['namespace.yaml', 'velero/ks.yaml'],
  };
}

/** Flux Kustomizations: Velero itself, then its schedules once the CRDs exist. */
export function fluxKustomizationManifests(o: VeleroBackupOptions) {
  const paths = veleroPaths(o);
  const common = {
    targetNamespace: o.veleroNamespace,
    sourceRef: { kind: o.fluxSourceKind, name: o.fluxSourceName },
    interval: '30m',
    prune: true,
    wait: true,
  };
  return [
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'velero', namespace: 'flux-system' },
      spec: {
        ...common,
        path: fluxPath(o, paths.app),
        ...(o.fluxDependsOn.length
          ? { dependsOn: o.fluxDependsOn.map(name => ({ name })) }
          : {}),
        decryption: { provider: 'sops', secretRef: { name: 'sops-gpg' } },
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'velero-schedules', namespace: 'flux-system' },
      spec: {
        ...common,
        path: fluxPath(o, paths.schedules),
        dependsOn: [{ name: 'velero' }],
      },
    },
  ];
}

export function scheduleManifest(o: VeleroBackupOptions) {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: { name: o.scheduleName, namespace: o.veleroNamespace },
    spec: {
      schedule: o.schedule,
      template: {
        includedNamespaces: [o.namespace],
        includedResources: o.includedResources,
        labelSelector: veleroLabelSelector(o.labelSelector),
        snapshotVolumes: true,
        storageLocation: o.storageLocation,
        volumeSnapshotLocations: [o.snapshotLocation],
        ttl: o.ttl,
        hooks: { resources: [] },
      },
      useOwnerReferencesInBackup: false,
    },
  };
}

export function schedulesKustomizationManifest(o: VeleroBackupOptions) {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: o.veleroNamespace,
    resources: [`${o.appName}-backup.yaml`],
  };
}
