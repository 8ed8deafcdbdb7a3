export { readClusterConfigs } from './ClusterConfig';
export type { ClusterConfig } from './ClusterConfig';
export { createKubeConfig } from './createKubeConfig';
export {
  ListingClusterState,
  ClusterTimeoutError,
} from './ListingClusterState';
export type {
  ClusterState,
  KubeItem,
  ListOptions,
  ResourceRef,
} from './ClusterState';
export { projectItem } from './projections';
export { resources } from './resources';
export { resolveEntityTargets } from './resolveEntityTargets';
export { toSourceError } from './toSourceError';
