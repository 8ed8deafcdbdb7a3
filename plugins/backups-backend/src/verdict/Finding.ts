import type { TierStatus } from '@internal/plugin-backups-common';

/** One observation that lowers a tier's status, with the reason shown to people. */
export type Finding = {
  status: Exclude<TierStatus, 'healthy'>;
  reason: string;
};

const RANK: Record<TierStatus, number> = {
  healthy: 0,
  unknown: 1,
  warning: 2,
  critical: 3,
};

/** The worst of several statuses; `unknown` beats `healthy` because health must be proven. */
export function worstStatus(statuses: TierStatus[]): TierStatus {
  return statuses.reduce<TierStatus>(
    (worst, s) => (RANK[s] > RANK[worst] ? s : worst),
    'healthy',
  );
}

export function statusOf(findings: Finding[], proven: boolean): TierStatus {
  const worst = worstStatus(findings.map(f => f.status));
  if (worst === 'healthy' && !proven) return 'unknown';
  return worst;
}
