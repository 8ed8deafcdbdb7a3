import {
  ANNOTATION_DRILL_POLICY,
  parseCron,
  TierKind,
  VELERO_CRON_DIALECT,
} from '@internal/plugin-backups-common';
import { parseDurationText } from '../service/readVerdictConfig';
import { DrillConfig, DRILLABLE_KINDS } from './drillConfig';

/** What is drilled of one entity, and how: its annotation over the config's defaults. */
export type DrillPolicy = {
  /** False with the annotation `off`. */
  enabled: boolean;
  /** 5-field cron, UTC; absent: on demand only. */
  schedule?: string;
  /** `velero` (every Velero tier) or `velero/odoo-daily` (one). */
  tiers: Array<{ kind: TierKind; name?: string }>;
  timeLimitSeconds: number;
  keepRunning: string[];
};

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * Parses `backups.backstage.io/drill-policy` (`key=value` pairs separated by
 * `;`, or `off`) over the config's defaults; what it cannot read is named in
 * `problems` and left at the default.
 */
export function parseDrillPolicy(
  annotation: string | undefined,
  config: DrillConfig,
): { policy: DrillPolicy; problems: string[] } {
  const policy: DrillPolicy = {
    enabled: config.enabled,
    schedule: config.schedule,
    tiers: config.tiers.map(kind => ({ kind })),
    timeLimitSeconds: config.timeLimitSeconds,
    keepRunning: config.keepRunning,
  };
  const problems: string[] = [];
  const problem = (entry: string, expected: string) =>
    problems.push(
      `${ANNOTATION_DRILL_POLICY}: ignored "${entry}": expected ${expected}`,
    );
  const text = annotation?.trim();
  if (!text) return { policy, problems };
  if (text === 'off')
    return { policy: { ...policy, enabled: false }, problems };
  for (const entry of text
    .split(';')
    .map(e => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf('=');
    const key = at < 0 ? entry : entry.slice(0, at).trim();
    const value = at < 0 ? '' : entry.slice(at + 1).trim();
    if (key === 'schedule') {
      if (value === 'none') policy.schedule = undefined;
      else if (parseCron(value, VELERO_CRON_DIALECT).ok)
        policy.schedule = value;
      else problem(entry, 'schedule=<5-field cron, UTC> or schedule=none');
    } else if (key === 'tiers') {
      const tiers: DrillPolicy['tiers'] = [];
      for (const item of value.split(',').map(t => t.trim())) {
        const [kind, name] = item.split('/');
        if (
          DRILLABLE_KINDS.includes(kind as TierKind) &&
          (name === undefined || NAME.test(name))
        )
          tiers.push({ kind: kind as TierKind, ...(name ? { name } : {}) });
        else
          problem(
            item,
            `a tier to drill: ${DRILLABLE_KINDS.join(' or ')}, or kind/name`,
          );
      }
      if (tiers.length) policy.tiers = tiers;
    } else if (key === 'timeLimit') {
      const seconds = parseDurationText(value);
      if (seconds) policy.timeLimitSeconds = seconds;
      else problem(entry, 'timeLimit=<duration>, e.g. 45m');
    } else if (key === 'keepRunning') {
      const names = value
        .split(',')
        .map(n => n.trim())
        .filter(Boolean);
      if (names.every(n => NAME.test(n))) policy.keepRunning = names;
      else problem(entry, 'keepRunning=<Deployment or StatefulSet names>');
    } else {
      problem(entry, 'schedule, tiers, timeLimit or keepRunning');
    }
  }
  return { policy, problems };
}

/** Whether the policy drills this tier. */
export function policyCovers(
  policy: DrillPolicy,
  tier: { kind: string; name: string },
): boolean {
  return (
    policy.enabled &&
    policy.tiers.some(
      t => t.kind === tier.kind && (!t.name || t.name === tier.name),
    )
  );
}
