import { isoSeconds as iso } from '../scenarios/fixtures/time';
import { ObjectStore } from '../store/ObjectStore';

/**
 * The CSI external-provisioner and the PV controller, for a new PVC:
 * a new PV `pvc-<uid>` of its StorageClass (from its VolumeSnapshot when
 * it has one as dataSource, empty otherwise), and the PVC Bound to it.
 */
export function provisionClaim(
  store: ObjectStore,
  now: () => Date,
  claim: { namespace: string; name: string },
) {
  const pvc = store.get(
    'v1',
    'PersistentVolumeClaim',
    claim.namespace,
    claim.name,
  );
  if (!pvc || pvc.spec?.volumeName) return;
  const classes = store.list('storage.k8s.io/v1', 'StorageClass');
  const storageClass = pvc.spec?.storageClassName
    ? classes.find(c => c.metadata.name === pvc.spec.storageClassName)
    : classes.find(
        c =>
          c.metadata.annotations?.[
            'storageclass.kubernetes.io/is-default-class'
          ] === 'true',
      );
  if (!storageClass) return;
  const size = pvc.spec?.resources?.requests?.storage;
  const volumeName = `pvc-${pvc.metadata.uid}`;
  const namespace = claim.namespace;
  const driver = String(storageClass.provisioner);
  const at = iso(now());
  store.put({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: volumeName,
      annotations: { 'pv.kubernetes.io/provisioned-by': driver },
      finalizers: ['kubernetes.io/pv-protection'],
    },
    spec: {
      accessModes: pvc.spec?.accessModes,
      capacity: { storage: size },
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        namespace,
        name: claim.name,
        uid: pvc.metadata.uid,
      },
      csi: {
        driver,
        fsType: 'ext4',
        volumeHandle: `0001-0009-rook-ceph-0000000000000002-${String(
          pvc.metadata.uid,
        ).replace(/-/g, '')}`,
      },
      persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
      storageClassName: storageClass.metadata.name,
      volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
    },
    status: { phase: 'Bound', lastPhaseTransitionTime: at },
  });
  store.put({
    ...pvc,
    metadata: {
      ...pvc.metadata,
      annotations: {
        ...pvc.metadata.annotations,
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
        'volume.beta.kubernetes.io/storage-provisioner': driver,
        'volume.kubernetes.io/storage-provisioner': driver,
      },
    },
    spec: { ...pvc.spec, volumeName },
    status: {
      phase: 'Bound',
      accessModes: pvc.spec?.accessModes,
      capacity: { storage: size },
    },
  });
}
