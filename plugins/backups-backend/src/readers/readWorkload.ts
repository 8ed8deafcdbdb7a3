import { ClusterState, KubeItem } from '../cluster/ClusterState';
import { FS_BACKUP_ANNOTATION } from '../cluster/projections';
import { resources } from '../cluster/resources';
import {
  EntityTarget,
  PodInfo,
  PvcInfo,
  StorageClassInfo,
} from '../snapshot/ClusterSnapshot';
import { ReadLog, readLog, tryList } from './tryList';

const SOURCE = 'kubernetes';

function toPodInfo(pod: KubeItem): PodInfo {
  const volumes: Array<{ name?: string; claim: string }> = (
    pod.spec?.volumes ?? []
  )
    .filter((v: any) => typeof v?.persistentVolumeClaim?.claimName === 'string')
    .map((v: any) => ({
      name: v.name,
      claim: v.persistentVolumeClaim.claimName,
    }));
  const fsBackup = (pod.metadata.annotations?.[FS_BACKUP_ANNOTATION] ?? '')
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
  return {
    name: pod.metadata.name,
    labels: pod.metadata.labels ?? {},
    claimNames: volumes.map(v => v.claim),
    fsBackupClaims: volumes
      .filter(v => v.name && fsBackup.includes(v.name))
      .map(v => v.claim),
  };
}

/**
 * What coverage needs from the entity's namespace: its PVCs, the pods that
 * mount them (Velero's pod action backs those PVCs up), the Namespace's
 * labels (`velero.io/exclude-from-backup`), and the StorageClasses whose
 * provisioners name the CSI drivers.
 */
export async function readWorkload(
  state: ClusterState,
  target: EntityTarget,
): Promise<
  {
    pvcs?: PvcInfo[];
    pods?: PodInfo[];
    namespaceLabels?: Record<string, string>;
    storageClasses?: StorageClassInfo[];
  } & ReadLog
> {
  const log = readLog();
  const namespace = target.namespace;
  const [pvcs, pods, namespaces, classes] = await Promise.all([
    tryList(
      state,
      SOURCE,
      resources.persistentVolumeClaims,
      { namespace },
      log,
      'pvcs',
    ),
    tryList(state, SOURCE, resources.pods, { namespace }, log, 'pods'),
    tryList(
      state,
      SOURCE,
      resources.namespaces,
      { fieldSelector: `metadata.name=${namespace}` },
      log,
      'namespace',
    ),
    tryList(state, SOURCE, resources.storageClasses, {}, log, 'storageClasses'),
  ]);
  return {
    ...log,
    pvcs: pvcs?.map(i => ({
      name: i.metadata.name,
      namespace: i.metadata.namespace ?? namespace,
      labels: i.metadata.labels ?? {},
      volumeName: i.spec?.volumeName,
      storageClassName: i.spec?.storageClassName,
    })),
    pods: pods?.map(toPodInfo),
    namespaceLabels: namespaces?.[0]
      ? namespaces[0].metadata.labels ?? {}
      : undefined,
    storageClasses: classes?.map(c => ({
      name: c.metadata.name,
      provisioner:
        typeof c.provisioner === 'string' ? c.provisioner : undefined,
    })),
  };
}
