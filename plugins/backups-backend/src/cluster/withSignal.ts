import { ClusterState } from './ClusterState';

/** The same cluster state, with every list bound to one request's deadline. */
export function withSignal(
  state: ClusterState,
  signal: AbortSignal,
): ClusterState {
  return {
    clusterName: state.clusterName,
    list: (resource, options = {}) =>
      state.list(resource, { ...options, signal }),
  };
}
