import type {
  LabelSelector,
  CnpgSection,
  FluxSection,
  SourceError,
  VeleroSection,
  VolsyncSection,
} from '@internal/plugin-backups-common';

/** A PersistentVolumeClaim, reduced to what coverage needs. */
export type PvcInfo = {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  volumeName?: string;
  storageClassName?: string;
};

/** A pod of the entity's namespace: Velero's pod action backs up the PVCs it mounts. */
export type PodInfo = {
  name: string;
  labels: Record<string, string>;
  claimNames: string[];
  /** Claims whose volume is listed in `backup.velero.io/backup-volumes` (file-system backup). */
  fsBackupClaims: string[];
};

/** A StorageClass: its provisioner is the CSI driver Velero matches snapshot classes by. */
export type StorageClassInfo = { name: string; provisioner?: string };

/**
 * Lists that failed. Nothing is concluded from what they would have held:
 * the rules that need them say `unknown`.
 */
export type UnreadKey =
  | 'velero.backups'
  | 'velero.restores'
  | 'velero.storageLocations'
  | 'velero.deployment'
  | 'velero.nodeAgent'
  | 'velero.snapshotClasses'
  | 'velero.podVolumeBackups'
  | 'pvcs'
  | 'pods'
  | 'namespace'
  | 'storageClasses'
  | 'cnpg.backups'
  | 'cnpg.scheduledBackups'
  | 'cnpg.objectStores'
  | 'flux'
  | 'externalSecrets';

/** Where an entity lives in one cluster. */
export type EntityTarget = {
  cluster: string;
  namespace: string;
  /** The entity's label selector (`backstage.io/kubernetes-label-selector` or `-id`), parsed. */
  labelSelector?: LabelSelector;
  /** Names pinned by `backups.backstage.io/*` annotations; undefined means discover. */
  pinned: {
    veleroSchedules?: string[];
    cnpgClusters?: string[];
    volsyncSources?: string[];
    fluxObjects?: Array<{ kind: string; namespace: string; name: string }>;
  };
};

/**
 * Everything the readers found for one entity in one cluster.
 * A section is undefined when its source could not be read; `errors` says
 * why, and `unread` names every list that failed.
 * The verdict rules are pure functions of this object.
 */
export type ClusterSnapshot = {
  target: EntityTarget;
  velero?: VeleroSection;
  cnpg?: CnpgSection;
  volsync?: VolsyncSection;
  flux?: FluxSection;
  pvcs?: PvcInfo[];
  pods?: PodInfo[];
  /** The entity's Namespace labels; undefined when unread or absent. */
  namespaceLabels?: Record<string, string>;
  storageClasses?: StorageClassInfo[];
  unread: UnreadKey[];
  errors: SourceError[];
};
