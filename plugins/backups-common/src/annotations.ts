/**
 * Annotations of the backups plugin. The Kubernetes ones
 * (`backstage.io/kubernetes-namespace`, `-label-selector`, `-id`, `-cluster`)
 * come from `@backstage/plugin-kubernetes-common`.
 */

/** Comma-separated Velero Schedule names to use instead of discovery. */
export const ANNOTATION_VELERO_SCHEDULES =
  'backups.backstage.io/velero-schedules';
/** Comma-separated CNPG Cluster names to use instead of discovery. */
export const ANNOTATION_CNPG_CLUSTERS = 'backups.backstage.io/cnpg-clusters';
/** Comma-separated VolSync ReplicationSource names to use instead of discovery. */
export const ANNOTATION_VOLSYNC_SOURCES =
  'backups.backstage.io/volsync-sources';
/** Comma-separated Flux objects that deploy the app, as `Kind/namespace/name`. */
export const ANNOTATION_FLUX_OBJECTS = 'backups.backstage.io/flux-objects';
/**
 * RPO target overrides, as `tier=duration` pairs separated by commas,
 * e.g. `cnpg=10m,velero=26h,volsync=25h` or `velero/odoo-daily=30h`.
 */
export const ANNOTATION_RPO_TARGETS = 'backups.backstage.io/rpo-targets';

/**
 * The entity's restore drill policy, as `key=value` pairs separated by `;`:
 * `schedule` (5-field cron, UTC), `tiers` (`velero`, `cnpg/odoo-pg`, ...),
 * `timeLimit` (a duration), `keepRunning` (Deployments and StatefulSets kept
 * at their replicas in a Velero drill), or just `off`. E.g.
 * `schedule=0 4 * * 1; tiers=velero,cnpg; timeLimit=45m; keepRunning=odoo`.
 */
export const ANNOTATION_DRILL_POLICY = 'backups.backstage.io/drill-policy';
/**
 * Recovery time objectives, measured by drills: one duration for every tier,
 * or `tier=duration` pairs as for RPO targets, e.g. `1h` or `velero=2h,cnpg=30m`.
 */
export const ANNOTATION_RTO_TARGET = 'backups.backstage.io/rto-target';

/**
 * `@backstage/plugin-kubernetes-common` exports the `-id` and `-label-selector`
 * annotation names (`KUBERNETES_ANNOTATION`, `KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION`)
 * but not these two, which its backend reads as plain strings.
 */
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';
/** Limits the lookup to one configured cluster; see the note above. */
export const ANNOTATION_KUBERNETES_CLUSTER = 'backstage.io/kubernetes-cluster';
