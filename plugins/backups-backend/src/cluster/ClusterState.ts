/**
 * The cluster-state seam lives in `@internal/plugin-backups-node`, so that a
 * backend module can replace it; re-exported here for the plugin's own code.
 */
export type {
  ClusterState,
  ClusterWriter,
  JsonPatchOperation,
  KubeItem,
  ListOptions,
  ResourceRef,
  SourceStatus,
} from '@internal/plugin-backups-node';
