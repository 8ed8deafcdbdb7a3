import {
  matchesLabelSelector,
  type LabelSelector,
  type VeleroSchedule,
} from '@internal/plugin-backups-common';
import { includesNamespace } from '../../readers/includesNamespace';
import { ClusterSnapshot, PvcInfo } from '../../snapshot/ClusterSnapshot';

/** Velero skips any item, and any namespace, that carries this label set to "true". */
export const EXCLUDE_LABEL = 'velero.io/exclude-from-backup';

/** Whether, and why, a schedule's backups hold one PVC. */
export type PvcCoverage =
  | {
      pvc: PvcInfo;
      covered: true;
      via: 'labels' | 'pod' | 'namespace';
      pod?: string;
    }
  | { pvc: PvcInfo; covered: false | 'unknown'; why: string };

const RESOURCE_NAMES: Record<string, string[]> = {
  persistentvolumeclaims: [
    'persistentvolumeclaims',
    'persistentvolumeclaim',
    'pvc',
  ],
  pods: ['pods', 'pod', 'po'],
};

/** Velero's resource include/exclude lists, for one core kind. */
function includesResource(schedule: VeleroSchedule, plural: string): boolean {
  const names = RESOURCE_NAMES[plural];
  const listed = (list: string[] | undefined) =>
    (list ?? []).some(r => names.includes(r.toLowerCase()));
  if (listed(schedule.excludedResources)) return false;
  const included = schedule.includedResources ?? [];
  return included.length === 0 || included.includes('*') || listed(included);
}

function excluded(labels: Record<string, string> | undefined) {
  return labels?.[EXCLUDE_LABEL] === 'true';
}

/** The schedule's selector, structured; absent selects everything. */
export function scheduleSelector(schedule: VeleroSchedule): LabelSelector {
  return { requirements: schedule.selector ?? [] };
}

/**
 * For every PVC of the entity's namespace: whether the schedule's backups
 * hold it. A PVC is held when it matches the label selector, or when a pod
 * that matches it mounts the PVC (Velero's pod action adds such PVCs whatever
 * their labels), unless the PVC, the pod or the namespace carries
 * `velero.io/exclude-from-backup=true`. Undefined when the PVCs are unread.
 */
export function scheduleCoverage(
  snapshot: ClusterSnapshot,
  schedule: VeleroSchedule,
): PvcCoverage[] | undefined {
  if (!snapshot.pvcs) return undefined;
  const namespace = snapshot.target.namespace;
  const selector = scheduleSelector(schedule);
  const pvcs = snapshot.pvcs.filter(p => p.namespace === namespace);
  return pvcs.map((pvc): PvcCoverage => {
    if (schedule.selectorError)
      return { pvc, covered: 'unknown', why: 'the label selector is invalid' };
    if (!includesNamespace(schedule, namespace))
      return {
        pvc,
        covered: false,
        why: `the schedule does not include namespace ${namespace}`,
      };
    if (excluded(snapshot.namespaceLabels))
      return {
        pvc,
        covered: false,
        why: `namespace ${namespace} carries ${EXCLUDE_LABEL}=true`,
      };
    if (excluded(pvc.labels))
      return {
        pvc,
        covered: false,
        why: `the PVC carries ${EXCLUDE_LABEL}=true`,
      };
    if (!includesResource(schedule, 'persistentvolumeclaims'))
      return {
        pvc,
        covered: false,
        why: 'the schedule does not include persistentvolumeclaims',
      };
    if (matchesLabelSelector(selector, pvc.labels))
      return {
        pvc,
        covered: true,
        via: selector.requirements.length ? 'labels' : 'namespace',
      };
    if (!snapshot.pods)
      return {
        pvc,
        covered: 'unknown',
        why: 'the pods that may mount it could not be read',
      };
    const pod = includesResource(schedule, 'pods')
      ? snapshot.pods.find(
          p =>
            p.claimNames.includes(pvc.name) &&
            !excluded(p.labels) &&
            matchesLabelSelector(selector, p.labels),
        )
      : undefined;
    if (pod) return { pvc, covered: true, via: 'pod', pod: pod.name };
    return {
      pvc,
      covered: false,
      why: 'neither the PVC nor a pod that mounts it matches the label selector',
    };
  });
}
