import { ClusterState } from '../cluster/ClusterState';
import { ClusterSnapshot, EntityTarget } from '../snapshot/ClusterSnapshot';
import { readCnpg } from './readCnpg';
import { readFlux } from './readFlux';
import { readPvcs } from './readPvcs';
import { readVelero, VeleroReaderOptions } from './readVelero';
import { readVolsync } from './readVolsync';

/** Reads every source for one entity on one cluster; each failure is isolated. */
export async function readClusterSnapshot(
  state: ClusterState,
  target: EntityTarget,
  options: { velero: VeleroReaderOptions },
): Promise<ClusterSnapshot> {
  const [velero, cnpg, volsync, flux, pvcs] = await Promise.all([
    readVelero(state, target, options.velero),
    readCnpg(state, target),
    readVolsync(state, target),
    readFlux(state, target, { veleroNamespace: options.velero.namespace }),
    readPvcs(state, target),
  ]);
  return {
    target,
    velero: velero.section,
    cnpg: cnpg.section,
    volsync: volsync.section,
    flux: flux.section,
    pvcs: pvcs.pvcs,
    errors: [
      ...velero.errors,
      ...cnpg.errors,
      ...volsync.errors,
      ...flux.errors,
      ...pvcs.errors,
    ],
  };
}
