import type { DrillCheck } from '@internal/plugin-backups-common';
import type { KubeItem } from '../cluster/ClusterState';
import type { Progress } from './DrillRunner';

const conditionOf = (item: KubeItem, type: string) =>
  (item.status?.conditions ?? []).find((c: any) => c?.type === type);

const observed = (item: KubeItem) =>
  item.status?.observedGeneration !== undefined &&
  item.status.observedGeneration >= (item.metadata.generation ?? 1);

function claimCheck(pvc: KubeItem): DrillCheck {
  const phase = pvc.status?.phase ?? 'Pending';
  const source = pvc.spec?.dataSource;
  return {
    kind: 'PersistentVolumeClaim',
    name: pvc.metadata.name,
    ready: phase === 'Bound',
    detail: `${phase}; ${
      source?.name
        ? `from ${source.kind ?? 'snapshot'} ${source.name}`
        : 'provisioned empty (its data is file-system backed, restored only into a running pod)'
    }`,
  };
}

function deploymentCheck(d: KubeItem, scaled: boolean): DrillCheck {
  const replicas = d.spec?.replicas ?? 1;
  const available = conditionOf(d, 'Available');
  return {
    kind: 'Deployment',
    name: d.metadata.name,
    ready: observed(d) && available?.status === 'True',
    detail: scaled
      ? 'scaled to 0 by the drill'
      : `${d.status?.availableReplicas ?? 0}/${replicas} available${
          available?.status === 'False' ? ` (${available.reason})` : ''
        }`,
  };
}

function statefulSetCheck(s: KubeItem, scaled: boolean): DrillCheck {
  const replicas = s.spec?.replicas ?? 1;
  const ready = s.status?.readyReplicas ?? 0;
  return {
    kind: 'StatefulSet',
    name: s.metadata.name,
    ready: observed(s) && ready >= replicas,
    detail: scaled ? 'scaled to 0 by the drill' : `${ready}/${replicas} ready`,
  };
}

const latest = (times: Array<string | undefined>) =>
  times
    .filter((t): t is string => Boolean(t))
    .sort()
    .pop();

/**
 * How far the restored copy of a Velero drill is: the Restore's phase, then
 * every PVC Bound, every Deployment Available and every StatefulSet ready.
 * Ready at the latest of the Restore's completion and the workloads'
 * Available transitions; a Restore that did not complete is a failure.
 */
export function veleroDrillChecks(input: {
  restore: KubeItem;
  claims: KubeItem[];
  deployments: KubeItem[];
  statefulSets: KubeItem[];
  scaled: string[];
}): Progress {
  const { restore } = input;
  const phase: string = restore.status?.phase ?? 'New';
  const restoreCheck: DrillCheck = {
    kind: 'Restore',
    name: restore.metadata.name,
    ready: phase === 'Completed',
    detail: phase,
  };
  if (phase === 'FailedValidation')
    return {
      ready: false,
      checks: [restoreCheck],
      failure: `Velero refused the restore: ${(
        restore.status?.validationErrors ?? []
      ).join('; ')}`,
    };
  if (phase === 'Failed' || phase === 'PartiallyFailed') {
    const detail = restore.status?.failureReason
      ? `: ${restore.status.failureReason}`
      : '';
    const errors = restore.status?.errors
      ? `: ${restore.status.errors} error(s), see its log`
      : '';
    return {
      ready: false,
      checks: [restoreCheck],
      failure: `The restore ${
        phase === 'Failed' ? 'failed' : 'partially failed'
      }${detail || errors}`,
    };
  }
  if (phase !== 'Completed') return { ready: false, checks: [restoreCheck] };
  const scaled = new Set(input.scaled);
  const checks = [
    restoreCheck,
    ...input.claims.map(claimCheck),
    ...input.deployments.map(d =>
      deploymentCheck(d, scaled.has(d.metadata.name)),
    ),
    ...input.statefulSets.map(s =>
      statefulSetCheck(s, scaled.has(s.metadata.name)),
    ),
  ];
  if (!checks.every(c => c.ready)) return { ready: false, checks };
  return {
    ready: true,
    checks,
    requestedAt: restore.metadata.creationTimestamp!,
    readyAt: latest([
      restore.status?.completionTimestamp,
      ...input.deployments.map(
        d => conditionOf(d, 'Available')?.lastTransitionTime,
      ),
    ])!,
  };
}
