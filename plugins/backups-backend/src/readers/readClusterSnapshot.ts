import { ClusterState } from '../cluster/ClusterState';
import { ClusterSnapshot, EntityTarget } from '../snapshot/ClusterSnapshot';
import { readCnpg } from './readCnpg';
import { readFlux } from './readFlux';
import { readVelero, VeleroReaderOptions } from './readVelero';
import { readVolsync } from './readVolsync';
import { readWorkload } from './readWorkload';

/** Reads every source for one entity on one cluster; each failure is isolated. */
export async function readClusterSnapshot(
  state: ClusterState,
  target: EntityTarget,
  options: { velero: VeleroReaderOptions },
): Promise<ClusterSnapshot> {
  const [velero, cnpg, volsync, flux, workload] = await Promise.all([
    readVelero(state, target, options.velero),
    readCnpg(state, target),
    readVolsync(state, target),
    readFlux(state, target, { veleroNamespace: options.velero.namespace }),
    readWorkload(state, target),
  ]);
  const logs = [velero, cnpg, volsync, flux, workload];
  return {
    target,
    velero: velero.section,
    cnpg: cnpg.section,
    volsync: volsync.section,
    flux: flux.section,
    pvcs: workload.pvcs,
    pods: workload.pods,
    namespaceLabels: workload.namespaceLabels,
    storageClasses: workload.storageClasses,
    unread: logs.flatMap(l => l.unread),
    errors: logs.flatMap(l => l.errors),
  };
}
