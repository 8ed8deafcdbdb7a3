import type { ClusterOverview } from '@internal/plugin-backups-common';
import { ClusterSnapshot } from '../snapshot/ClusterSnapshot';
import { computeCoverage } from './computeCoverage';
import { evaluateCnpgTier } from './evaluateCnpgTier';
import { evaluateVeleroTier } from './evaluateVeleroTier';
import { evaluateVolsyncTier } from './evaluateVolsyncTier';
import { VerdictOptions } from './VerdictOptions';

/** Tiers and coverage of one cluster: pure, from the snapshot alone. */
export function evaluateClusterSnapshot(
  snapshot: ClusterSnapshot,
  options: VerdictOptions,
): ClusterOverview {
  const tiers = [
    ...(snapshot.cnpg?.clusters ?? []).map(c =>
      evaluateCnpgTier(snapshot, c, options),
    ),
    ...(snapshot.velero?.schedules ?? []).map(s =>
      evaluateVeleroTier(snapshot, s, options),
    ),
    ...(snapshot.volsync?.sources ?? []).map(s =>
      evaluateVolsyncTier(s, options),
    ),
  ];
  return {
    cluster: snapshot.target.cluster,
    tiers,
    coverage: computeCoverage(snapshot),
    errors: snapshot.errors,
    velero: snapshot.velero,
    cnpg: snapshot.cnpg,
    volsync: snapshot.volsync,
    flux: snapshot.flux,
  };
}
