import {
  labelSelectorFromObject,
  LabelSelector,
  matchesLabelSelector,
} from '@internal/plugin-backups-common';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { ResourceType } from '../api/resourceTypes';
import { KubeObject } from '../store/KubeObject';

/** Pod volumes listed here go to file-system backup (kopia), not a snapshot. */
const FS_BACKUP_ANNOTATION = 'backup.velero.io/backup-volumes';
const FS_BACKUP_EXCLUDES_ANNOTATION =
  'backup.velero.io/backup-volumes-excludes';
const EXCLUDE_LABEL = 'velero.io/exclude-from-backup';
const SNAPSHOT_CLASS_LABEL = 'velero.io/csi-volumesnapshot-class';

/** What a Velero 1.15 backup of a spec would take from the cluster. */
export type VeleroBackupPlan = {
  /** PVCs the CSI action snapshots: one VolumeSnapshot and one item operation each. */
  snapshotClaims: KubeObject[];
  /** PVCs to snapshot for which no VolumeSnapshotClass is found: an error each. */
  unsnapshottableClaims: KubeObject[];
  /** Pod volumes for file-system backup: one PodVolumeBackup each. */
  podVolumes: Array<{ pod: KubeObject; volume: string; claim: KubeObject }>;
  /** Pre and post hooks from pod annotations. */
  hooksAttempted: number;
  totalItems: number;
};

type BackupSpec = {
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
  includedResources?: string[];
  excludedResources?: string[];
  labelSelector?: unknown;
  orLabelSelectors?: unknown[];
  snapshotVolumes?: boolean;
  defaultVolumesToFsBackup?: boolean;
};

function names(type: ResourceType): string[] {
  return [
    type.plural,
    type.singular,
    type.kind.toLowerCase(),
    ...(type.group ? [`${type.plural}.${type.group}`] : []),
    ...(type.shortNames ?? []),
  ];
}

function listIncludes(list: string[] | undefined, type: ResourceType) {
  return (list ?? []).some(entry => names(type).includes(entry.toLowerCase()));
}

function csvAnnotation(o: KubeObject, key: string): string[] {
  return (o.metadata.annotations?.[key] ?? '')
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
}

/**
 * Velero 1.15's choice of items and volumes, reduced to what the simulator
 * needs for a Backup's counters (velero item_collector.go, item_backupper.go,
 * actions/pod_action.go, util/csi/volume_snapshot.go):
 * - listed items: namespaced objects of included namespaces and resources
 *   that match `labelSelector` or one of `orLabelSelectors`, without
 *   `velero.io/exclude-from-backup=true`; include lists are literal in
 *   1.15, `*` or empty meaning everything;
 * - the pod action adds every PVC a listed pod mounts, whatever its labels;
 * - a mounted pod volume named in `backup.velero.io/backup-volumes` (or any,
 *   with defaultVolumesToFsBackup) goes to file-system backup, and its PVC
 *   is not snapshotted;
 * - every other PVC is CSI-snapshotted when a VolumeSnapshotClass for its
 *   StorageClass's provisioner carries the Velero label key, or is the
 *   only one for that driver.
 */
export function planVeleroBackup(
  spec: BackupSpec,
  objects: KubeObject[],
  registry: ResourceRegistry,
): VeleroBackupPlan {
  const find = (apiVersion: string, kind: string, ns?: string, name?: string) =>
    objects.find(
      o =>
        o.apiVersion === apiVersion &&
        o.kind === kind &&
        o.metadata.namespace === ns &&
        o.metadata.name === name,
    );
  const excludedByLabel = new Set(
    objects
      .filter(
        o =>
          o.kind === 'Namespace' &&
          o.metadata.labels?.[EXCLUDE_LABEL] === 'true',
      )
      .map(o => o.metadata.name),
  );
  const includes = spec.includedNamespaces ?? [];
  const namespaceIncluded = (ns: string) =>
    (includes.length === 0 ||
      includes.includes('*') ||
      includes.includes(ns)) &&
    !(spec.excludedNamespaces ?? []).includes(ns) &&
    !excludedByLabel.has(ns);
  const resourceIncluded = (type: ResourceType) =>
    (!spec.includedResources?.length ||
      spec.includedResources.includes('*') ||
      listIncludes(spec.includedResources, type)) &&
    !listIncludes(spec.excludedResources, type);
  const selectors: LabelSelector[] = [
    ...(spec.labelSelector
      ? [labelSelectorFromObject(spec.labelSelector as any)]
      : []),
    ...(spec.orLabelSelectors ?? []).map(s =>
      labelSelectorFromObject(s as any),
    ),
  ];
  const selected = (o: KubeObject) =>
    (selectors.length === 0 ||
      selectors.some(s => matchesLabelSelector(s, o.metadata.labels))) &&
    o.metadata.labels?.[EXCLUDE_LABEL] !== 'true';
  const typeOf = (o: KubeObject) => registry.byKind(o.apiVersion, o.kind);
  const eligible = (o: KubeObject) => {
    const type = typeOf(o);
    return Boolean(
      type?.namespaced &&
        type.group !== 'metrics.k8s.io' &&
        o.metadata.namespace &&
        namespaceIncluded(o.metadata.namespace) &&
        resourceIncluded(type) &&
        o.metadata.labels?.[EXCLUDE_LABEL] !== 'true',
    );
  };

  const listed = objects.filter(o => eligible(o) && selected(o));
  const claims = new Map<string, KubeObject>();
  const claimKey = (o: KubeObject) =>
    `${o.metadata.namespace}/${o.metadata.name}`;
  for (const o of listed)
    if (o.apiVersion === 'v1' && o.kind === 'PersistentVolumeClaim')
      claims.set(claimKey(o), o);

  const podVolumes: VeleroBackupPlan['podVolumes'] = [];
  let hooksAttempted = 0;
  let addedClaims = 0;
  for (const pod of listed.filter(
    o => o.apiVersion === 'v1' && o.kind === 'Pod',
  )) {
    const annotations = pod.metadata.annotations ?? {};
    if (annotations['pre.hook.backup.velero.io/command']) hooksAttempted++;
    if (annotations['post.hook.backup.velero.io/command']) hooksAttempted++;
    const mounted = new Set<string>(
      (pod.spec?.containers ?? []).flatMap((c: any) =>
        (c.volumeMounts ?? []).map((m: any) => m.name),
      ),
    );
    const optIn = csvAnnotation(pod, FS_BACKUP_ANNOTATION);
    const optOut = csvAnnotation(pod, FS_BACKUP_EXCLUDES_ANNOTATION);
    for (const volume of pod.spec?.volumes ?? []) {
      const claimName = volume.persistentVolumeClaim?.claimName;
      const claim = claimName
        ? find('v1', 'PersistentVolumeClaim', pod.metadata.namespace, claimName)
        : undefined;
      if (!claim || !eligible(claim)) continue;
      if (!claims.has(claimKey(claim))) {
        claims.set(claimKey(claim), claim);
        addedClaims++;
      }
      const fsBackup = spec.defaultVolumesToFsBackup
        ? !optOut.includes(volume.name)
        : optIn.includes(volume.name);
      if (fsBackup && mounted.has(volume.name))
        podVolumes.push({ pod, volume: volume.name, claim });
    }
  }

  const fsClaims = new Set(podVolumes.map(v => claimKey(v.claim)));
  const snapshotClaims: KubeObject[] = [];
  const unsnapshottableClaims: KubeObject[] = [];
  const classes = objects.filter(o => o.kind === 'VolumeSnapshotClass');
  for (const claim of claims.values()) {
    if (fsClaims.has(claimKey(claim)) || spec.snapshotVolumes === false)
      continue;
    const provisioner = find(
      'storage.k8s.io/v1',
      'StorageClass',
      undefined,
      claim.spec?.storageClassName,
    )?.provisioner;
    const forDriver = classes.filter(c => c.driver === provisioner);
    const usable =
      forDriver.some(
        c => c.metadata.labels?.[SNAPSHOT_CLASS_LABEL] !== undefined,
      ) || forDriver.length === 1;
    (usable ? snapshotClaims : unsnapshottableClaims).push(claim);
  }

  const persistentVolumes = [...claims.values()].filter(claim => {
    const pv = find(
      'v1',
      'PersistentVolume',
      undefined,
      claim.spec?.volumeName,
    );
    const type = pv && typeOf(pv);
    return type && resourceIncluded(type);
  }).length;
  return {
    snapshotClaims,
    unsnapshottableClaims,
    podVolumes,
    hooksAttempted,
    // Each snapshot also brings its VolumeSnapshot and VolumeSnapshotContent,
    // and the class once.
    totalItems:
      listed.length +
      addedClaims +
      persistentVolumes +
      snapshotClaims.length * 2 +
      (snapshotClaims.length > 0 ? 1 : 0),
  };
}
