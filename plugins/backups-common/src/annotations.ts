/**
 * Annotations of the backups plugin. The Kubernetes ones
 * (`backstage.io/kubernetes-namespace`, `-label-selector`, `-id`, `-cluster`)
 * come from `@backstage/plugin-kubernetes-common`.
 */

/** Comma-separated Velero Schedule names to use instead of discovery. */
export const ANNOTATION_VELERO_SCHEDULES = 'backups.backstage.io/velero-schedules';
/** Comma-separated CNPG Cluster names to use instead of discovery. */
export const ANNOTATION_CNPG_CLUSTERS = 'backups.backstage.io/cnpg-clusters';
/** Comma-separated VolSync ReplicationSource names to use instead of discovery. */
export const ANNOTATION_VOLSYNC_SOURCES = 'backups.backstage.io/volsync-sources';
/** Comma-separated Flux objects that deploy the app, as `Kind/namespace/name`. */
export const ANNOTATION_FLUX_OBJECTS = 'backups.backstage.io/flux-objects';
/**
 * RPO target overrides, as `tier=duration` pairs separated by commas,
 * e.g. `cnpg=10m,velero=26h,volsync=25h` or `velero/odoo-daily=30h`.
 */
export const ANNOTATION_RPO_TARGETS = 'backups.backstage.io/rpo-targets';
