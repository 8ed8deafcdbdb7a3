/**
 * Node.js library for the backups plugin: the cluster-state seam and the
 * extension point through which a backend module replaces it.
 *
 * @packageDocumentation
 */
export * from './ClusterState';
export * from './extensions';
