import type { Coverage } from '@internal/plugin-backups-common';
import { includesNamespace } from '../readers/readVelero';
import { ClusterSnapshot, PvcInfo } from '../snapshot/ClusterSnapshot';
import { matchesLabelSelector } from '../selectors/labelSelector';

function missingLabels(
  selector: string,
  labels: Record<string, string>,
): string[] {
  return selector
    .split(',')
    .map(t => t.trim().match(/^([^=!\s]+)\s*==?\s*(\S+)$/))
    .filter((m): m is RegExpMatchArray => Boolean(m) && labels[m![1]] !== m![2])
    .map(m => `${m[1]}=${m[2]}`);
}

function veleroHint(
  pvc: PvcInfo,
  schedule: string,
  selector: string,
  cnpgCluster?: string,
): string {
  const labels = missingLabels(selector, pvc.labels);
  const add = labels.length
    ? labels.map(l => `\`${l}\``).join(' and ')
    : `labels matching \`${selector}\``;
  if (cnpgCluster) {
    return `add label ${add} to CNPG cluster \`${cnpgCluster}\` through spec.inheritedMetadata.labels (it reaches PVC \`${pvc.name}\`), or remove the labelSelector of schedule \`${schedule}\``;
  }
  return `add label ${add} to PVC \`${pvc.name}\`, or remove the labelSelector of schedule \`${schedule}\``;
}

/** For every PVC of the namespace, the tiers that really cover it and how to fix gaps. */
export function computeCoverage(snapshot: ClusterSnapshot): Coverage[] {
  const namespace = snapshot.target.namespace;
  const schedules = (snapshot.velero?.schedules ?? []).filter(s => !s.paused);
  const cnpgClusters = new Set(
    (snapshot.cnpg?.clusters ?? []).map(c => c.name),
  );
  return (snapshot.pvcs ?? [])
    .filter(pvc => pvc.namespace === namespace)
    .map(pvc => {
      const coveredBy: Coverage['coveredBy'] = [];
      const hints: string[] = [];
      const cnpgCluster = pvc.labels['cnpg.io/cluster'];
      if (cnpgCluster && cnpgClusters.has(cnpgCluster))
        coveredBy.push({ kind: 'cnpg', name: cnpgCluster });
      for (const source of snapshot.volsync?.sources ?? []) {
        if (source.sourcePVC === pvc.name)
          coveredBy.push({ kind: 'volsync', name: source.name });
      }
      for (const schedule of schedules) {
        const spec = {
          includedNamespaces: schedule.includedNamespaces,
          excludedNamespaces: schedule.excludedNamespaces,
        };
        if (!includesNamespace(spec, namespace)) continue;
        if (matchesLabelSelector(schedule.labelSelector, pvc.labels)) {
          coveredBy.push({ kind: 'velero', name: schedule.name });
        } else if (schedule.labelSelector) {
          hints.push(
            veleroHint(pvc, schedule.name, schedule.labelSelector, cnpgCluster),
          );
        }
      }
      if (coveredBy.length === 0 && hints.length === 0) {
        hints.push(
          `no backup tier covers PVC \`${pvc.name}\`: add it to a Velero schedule or a VolSync ReplicationSource`,
        );
      }
      return {
        namespace,
        pvc: pvc.name,
        labels: pvc.labels,
        coveredBy,
        ...(hints.length ? { hints } : {}),
      };
    });
}
