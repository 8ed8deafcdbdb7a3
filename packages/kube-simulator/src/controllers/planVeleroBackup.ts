import {
  labelSelectorFromObject,
  LabelSelector,
  matchesLabelSelector,
} from '@internal/plugin-backups-common';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { ResourceType } from '../api/resourceTypes';
import { KubeObject } from '../store/KubeObject';
import { globMatches } from './veleroGlob';

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
  /** The VolumeSnapshotClass the CSI action picks, when it snapshots anything. */
  snapshotClass?: KubeObject;
  /** Pre and post hooks from pod annotations. */
  hooksAttempted: number;
  /**
   * The cluster's objects the backup takes, as they are now: listed items,
   * the PVCs the pod action adds, their PVs, and the Namespace objects.
   */
  items: KubeObject[];
  /** items, plus one VolumeSnapshot and VolumeSnapshotContent per snapshot and the class once. */
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
  includeClusterResources?: boolean;
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

/** Whether a list of resource names (plural, singular, kind, `plural.group`, short names) names a type. */
export function listIncludes(list: string[] | undefined, type: ResourceType) {
  return (list ?? []).some(entry => names(type).includes(entry.toLowerCase()));
}

function csvAnnotation(o: KubeObject, key: string): string[] {
  return (o.metadata.annotations?.[key] ?? '')
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
}

/**
 * Velero 1.15's choice of items and volumes (velero item_collector.go,
 * item_backupper.go, actions/pod_action.go, util/csi/volume_snapshot.go,
 * util/collections/includes_excludes.go):
 * - listed items: namespaced objects of included namespaces and resources
 *   that match `labelSelector` or one of `orLabelSelectors`, without
 *   `velero.io/exclude-from-backup=true`; namespace includes are literal in
 *   1.15 (`*` or empty meaning everything), excludes are globs;
 * - the pod action adds every PVC a listed pod mounts, whatever its labels,
 *   and the PVC its PV when persistentvolumes are included;
 * - Namespace objects when `namespaces` is an included resource: the
 *   included ones that hold a selected item or match the selector;
 * - other cluster-scoped objects only with `includeClusterResources: true`
 *   (nil means "related ones only": the PVs above), none with false;
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
    !(spec.excludedNamespaces ?? []).some(p => globMatches(p, ns)) &&
    !excludedByLabel.has(ns);
  const resourceIncluded = (type: ResourceType) =>
    (!spec.includedResources?.length ||
      spec.includedResources.includes('*') ||
      listIncludes(spec.includedResources, type)) &&
    !listIncludes(spec.excludedResources, type);
  const clusterScopedAllowed = spec.includeClusterResources !== false;
  const selectors: LabelSelector[] = [
    ...(spec.labelSelector
      ? [labelSelectorFromObject(spec.labelSelector as any)]
      : []),
    ...(spec.orLabelSelectors ?? []).map(s =>
      labelSelectorFromObject(s as any),
    ),
  ];
  const matchesSelectors = (o: KubeObject) =>
    selectors.length === 0 ||
    selectors.some(s => matchesLabelSelector(s, o.metadata.labels));
  const notExcluded = (o: KubeObject) =>
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
        notExcluded(o),
    );
  };

  const listed = objects.filter(o => eligible(o) && matchesSelectors(o));
  const claims = new Map<string, KubeObject>();
  const claimKey = (o: KubeObject) =>
    `${o.metadata.namespace}/${o.metadata.name}`;
  for (const o of listed)
    if (o.apiVersion === 'v1' && o.kind === 'PersistentVolumeClaim')
      claims.set(claimKey(o), o);

  const podVolumes: VeleroBackupPlan['podVolumes'] = [];
  const addedClaims: KubeObject[] = [];
  let hooksAttempted = 0;
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
        addedClaims.push(claim);
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
  let snapshotClass: KubeObject | undefined;
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
      forDriver.find(
        c => c.metadata.labels?.[SNAPSHOT_CLASS_LABEL] !== undefined,
      ) ?? (forDriver.length === 1 ? forDriver[0] : undefined);
    snapshotClass ??= usable;
    (usable ? snapshotClaims : unsnapshottableClaims).push(claim);
  }

  const persistentVolumes = [...claims.values()].flatMap(claim => {
    const pv = find(
      'v1',
      'PersistentVolume',
      undefined,
      claim.spec?.volumeName,
    );
    const type = pv && typeOf(pv);
    return pv && type && clusterScopedAllowed && resourceIncluded(type)
      ? [pv]
      : [];
  });
  const selected = [...listed, ...addedClaims];
  const namespaceType = registry.byKind('v1', 'Namespace');
  const namespaces = objects.filter(
    o =>
      o.apiVersion === 'v1' &&
      o.kind === 'Namespace' &&
      clusterScopedAllowed &&
      namespaceType !== undefined &&
      resourceIncluded(namespaceType) &&
      namespaceIncluded(o.metadata.name) &&
      (selectors.length === 0 ||
        matchesSelectors(o) ||
        selected.some(i => i.metadata.namespace === o.metadata.name)),
  );
  const clusterScoped = spec.includeClusterResources
    ? objects.filter(o => {
        const type = typeOf(o);
        return (
          type &&
          !type.namespaced &&
          o.kind !== 'Namespace' &&
          !persistentVolumes.includes(o) &&
          resourceIncluded(type) &&
          matchesSelectors(o) &&
          notExcluded(o)
        );
      })
    : [];
  const items = [
    ...namespaces,
    ...selected,
    ...persistentVolumes,
    ...clusterScoped,
  ];
  return {
    snapshotClaims,
    unsnapshottableClaims,
    podVolumes,
    snapshotClass,
    hooksAttempted,
    items,
    // Each snapshot also brings its VolumeSnapshot and VolumeSnapshotContent,
    // and the class once.
    totalItems:
      items.length +
      snapshotClaims.length * 2 +
      (snapshotClaims.length > 0 ? 1 : 0),
  };
}
