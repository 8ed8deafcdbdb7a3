import type { RestorePlan } from '@internal/plugin-backups-common';

const ACTIONS = {
  skip: 'skipped (kept as it is)',
  update: 'updated to the backup',
  unknown: 'not checked (the policy applies if it exists)',
} as const;

function target(plan: RestorePlan): string {
  const { backup } = plan;
  const taken = backup.startTimestamp ? `, taken ${backup.startTimestamp}` : '';
  const where = plan.inPlace ? 'in place' : 'a new namespace';
  return `Restore backup ${backup.name} (${backup.phase}${taken}) of namespace ${plan.sourceNamespace} into ${plan.targetNamespace} (${where}) on cluster ${plan.cluster}`;
}

function contents(plan: RestorePlan): string {
  if (plan.contents.length === 0)
    return 'What the backup holds: nothing of the namespace is listed';
  return `What the backup holds: ${plan.contents
    .map(c => `${c.kind} ${c.count}`)
    .join(', ')}`;
}

function existing(plan: RestorePlan): string {
  if (plan.existing.length === 0)
    return `Already in ${plan.targetNamespace}: no object of the backup`;
  const byAction = new Map<keyof typeof ACTIONS, string[]>();
  for (const e of plan.existing)
    byAction.set(e.action, [
      ...(byAction.get(e.action) ?? []),
      `${e.kind} ${e.name}`,
    ]);
  return `Already in ${plan.targetNamespace}: ${[...byAction]
    .map(([action, names]) => `${ACTIONS[action]}: ${names.join(', ')}`)
    .join('; ')}`;
}

function volumes(plan: RestorePlan): string {
  return plan.volumes.length
    ? `Volumes: data comes back for ${plan.volumes.join(', ')}`
    : 'Volumes: no volume data is restored';
}

/**
 * The plan as log lines: the target, the contents by kind, what exists and
 * is skipped or updated, the volumes and GitOps; the warnings apart.
 */
export function describeRestorePlan(plan: RestorePlan): {
  lines: string[];
  warnings: string[];
} {
  return {
    lines: [
      target(plan),
      contents(plan),
      existing(plan),
      volumes(plan),
      `GitOps: ${plan.gitops.explanation}`,
    ],
    warnings: plan.warnings,
  };
}
