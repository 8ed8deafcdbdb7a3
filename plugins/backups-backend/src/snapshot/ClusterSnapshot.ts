import type {
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

/** Where an entity lives in one cluster. */
export type EntityTarget = {
  cluster: string;
  namespace: string;
  /** Label selector string from the entity annotations, e.g. `app.kubernetes.io/name=odoo`. */
  labelSelector?: string;
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
 * A section is undefined when its source could not be read; `errors` says why.
 * The verdict rules are pure functions of this object.
 */
export type ClusterSnapshot = {
  target: EntityTarget;
  velero?: VeleroSection;
  cnpg?: CnpgSection;
  volsync?: VolsyncSection;
  flux?: FluxSection;
  pvcs?: PvcInfo[];
  errors: SourceError[];
};
