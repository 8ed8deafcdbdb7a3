/**
 * The backups backend plugin.
 *
 * @packageDocumentation
 */
export { backupsPlugin as default } from './plugin';
export { BackupsOverviewService } from './service/BackupsOverviewService';
export type {
  ClusterState,
  KubeItem,
  ResourceRef,
  ListOptions,
} from './cluster/ClusterState';
