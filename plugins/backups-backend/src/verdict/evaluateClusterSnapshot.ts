import type { ClusterOverview } from '@internal/plugin-backups-common';
import { ClusterSnapshot } from '../snapshot/ClusterSnapshot';
import { evaluateCnpgTier } from './cnpg/evaluateCnpgTier';
import { computeCoverage } from './computeCoverage';
import { platformFindings } from './platform/platformFindings';
import { evaluateVeleroTier } from './velero/evaluateVeleroTier';
import { scheduleCoverage } from './velero/scheduleCoverage';
import { VerdictOptions } from './VerdictOptions';
import { evaluateVolsyncTier } from './volsync/evaluateVolsyncTier';

/** Tiers, coverage and platform findings of one cluster: pure, from the snapshot alone. */
export function evaluateClusterSnapshot(
  snapshot: ClusterSnapshot,
  options: VerdictOptions,
): ClusterOverview {
  const schedules = snapshot.velero?.schedules ?? [];
  const coverage = new Map(
    schedules.map(s => [s.name, scheduleCoverage(snapshot, s)]),
  );
  const platform = platformFindings(snapshot, coverage, options);
  const tiers = [
    ...(snapshot.cnpg?.clusters ?? []).map(c =>
      evaluateCnpgTier(snapshot, c, options),
    ),
    ...schedules.map(s =>
      evaluateVeleroTier(snapshot, s, options, {
        coverage: coverage.get(s.name),
        platform,
      }),
    ),
    ...(snapshot.volsync?.sources ?? []).map(s =>
      evaluateVolsyncTier(s, options),
    ),
  ];
  return {
    cluster: snapshot.target.cluster,
    tiers,
    coverage: computeCoverage(snapshot, coverage),
    errors: snapshot.errors,
    platformFindings: platform,
    velero: snapshot.velero,
    cnpg: snapshot.cnpg,
    volsync: snapshot.volsync,
    flux: snapshot.flux,
  };
}
