import type {
  Finding as WireFinding,
  FindingCode,
  TierStatus,
} from '@internal/plugin-backups-common';

/** One observation that lowers a status, with a stable code. */
export type Finding = WireFinding & { code: FindingCode };

/** Builds a finding. */
export function finding(
  code: FindingCode,
  status: Finding['status'],
  message: string,
): Finding {
  return { code, status, message };
}

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

/** A tier's status: the worst finding, and never healthy unless proven. */
export function statusOf(findings: Finding[], proven: boolean): TierStatus {
  const worst = worstStatus(findings.map(f => f.status));
  if (worst === 'healthy' && !proven) return 'unknown';
  return worst;
}
