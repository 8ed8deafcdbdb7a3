import {
  formatRequirement,
  unmetRequirements,
  type Coverage,
  type VeleroSchedule,
} from '@internal/plugin-backups-common';
import { ClusterSnapshot, PvcInfo } from '../snapshot/ClusterSnapshot';
import {
  EXCLUDE_LABEL,
  PvcCoverage,
  scheduleSelector,
} from './velero/scheduleCoverage';

function selectorHint(
  pvc: PvcInfo,
  schedule: VeleroSchedule,
  cnpgCluster?: string,
): string {
  const unmet = unmetRequirements(scheduleSelector(schedule), pvc.labels);
  const add = unmet.map(r => `\`${formatRequirement(r)}\``).join(' and ');
  if (cnpgCluster) {
    return `add label ${add} to CNPG cluster \`${cnpgCluster}\` through spec.inheritedMetadata.labels (it reaches PVC \`${pvc.name}\` and its pods), or remove the labelSelector of schedule \`${schedule.name}\``;
  }
  return `add label ${add} to PVC \`${pvc.name}\` or to a pod that mounts it, or remove the labelSelector of schedule \`${schedule.name}\``;
}

/** For every PVC of the namespace, the tiers that really cover it and how to fix gaps. */
export function computeCoverage(
  snapshot: ClusterSnapshot,
  coverage: Map<string, PvcCoverage[] | undefined>,
): Coverage[] {
  const namespace = snapshot.target.namespace;
  const schedules = (snapshot.velero?.schedules ?? []).filter(s => !s.paused);
  const cnpgClusters = new Set(
    (snapshot.cnpg?.clusters ?? []).map(c => c.name),
  );
  return (snapshot.pvcs ?? [])
    .filter(pvc => pvc.namespace === namespace)
    .map(pvc => {
      const coveredBy: Coverage['coveredBy'] = [];
      const via: NonNullable<Coverage['via']> = [];
      const hints: string[] = [];
      const unknown: string[] = [];
      const cnpgCluster = pvc.labels['cnpg.io/cluster'];
      if (cnpgCluster && cnpgClusters.has(cnpgCluster))
        coveredBy.push({ kind: 'cnpg', name: cnpgCluster });
      for (const source of snapshot.volsync?.sources ?? []) {
        if (source.sourcePVC === pvc.name)
          coveredBy.push({ kind: 'volsync', name: source.name });
      }
      for (const schedule of schedules) {
        const entry = coverage
          .get(schedule.name)
          ?.find(c => c.pvc.name === pvc.name);
        if (!entry) continue;
        if (entry.covered === true) {
          coveredBy.push({ kind: 'velero', name: schedule.name });
          via.push({ name: schedule.name, reason: entry.via, pod: entry.pod });
        } else if (entry.covered === 'unknown') {
          unknown.push(`schedule ${schedule.name}: ${entry.why}`);
        } else if (entry.why.startsWith('neither')) {
          hints.push(selectorHint(pvc, schedule, cnpgCluster));
        }
      }
      if (
        coveredBy.length === 0 &&
        hints.length === 0 &&
        unknown.length === 0
      ) {
        hints.push(
          `no backup tier covers PVC \`${pvc.name}\`: add it to a Velero schedule or a VolSync ReplicationSource`,
        );
      }
      return {
        namespace,
        pvc: pvc.name,
        labels: pvc.labels,
        coveredBy,
        ...(via.length ? { via } : {}),
        ...(hints.length ? { hints } : {}),
        ...(pvc.labels[EXCLUDE_LABEL] === 'true'
          ? { excludedFromVelero: true }
          : {}),
        ...(unknown.length ? { unknown: unknown.join('; ') } : {}),
      };
    });
}
