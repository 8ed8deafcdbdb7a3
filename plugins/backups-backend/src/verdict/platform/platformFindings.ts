import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { PvcCoverage } from '../velero/scheduleCoverage';
import { VerdictOptions } from '../VerdictOptions';
import { gitopsFindings } from './gitopsFindings';
import { PlatformFinding } from './PlatformFinding';
import { snapshotClassFindings } from './snapshotClassFindings';
import { storageLocationFindings } from './storageLocationFindings';
import { veleroServerFindings } from './veleroServerFindings';

/** Every platform finding of one cluster, each reported once. */
export function platformFindings(
  snapshot: ClusterSnapshot,
  coverage: Map<string, PvcCoverage[] | undefined>,
  options: VerdictOptions,
): PlatformFinding[] {
  const allVelero = (snapshot.velero?.schedules ?? []).map(s => ({
    kind: 'velero' as const,
    name: s.name,
  }));
  return [
    ...veleroServerFindings(snapshot, allVelero),
    ...storageLocationFindings(snapshot, options),
    ...snapshotClassFindings(snapshot, coverage),
    ...gitopsFindings(snapshot, allVelero, options),
  ];
}
