import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { ClusterState, ClusterWriter } from './ClusterState';

/** How the plugin reads and writes one cluster. */
export type ClusterConnection = {
  name: string;
  /** What the overview reads: by default a watch-fed cache. */
  state: ClusterState;
  /**
   * Reads that must be current, such as a restore's guards: by default
   * LISTs against the API server. `state` when absent.
   */
  live?: ClusterState;
  writer: ClusterWriter;
};

/**
 * Makes a cluster's connection. `defaults` is the plugin's own for that
 * cluster (a watch-fed cache and an API writer), so a factory can wrap it
 * (e.g. with tracing) or replace only the reads.
 */
export type ClusterConnectionFactory = (
  cluster: ClusterDetails,
  defaults: () => ClusterConnection,
) => ClusterConnection;

/**
 * Replaces how the backups plugin reads clusters: for example with a cache
 * shared by several plugins, or another client.
 *
 * @public
 */
export interface BackupsClusterStateExtensionPoint {
  setClusterConnectionFactory(factory: ClusterConnectionFactory): void;
}

/** @public */
export const backupsClusterStateExtensionPoint =
  createExtensionPoint<BackupsClusterStateExtensionPoint>({
    id: 'backups.cluster-state',
  });
