import type { Finding, Tier } from '@internal/plugin-backups-common';

/** The tier's findings; from an older server, its reasons without codes. */
export function tierFindings(tier: Tier): Finding[] {
  if (tier.findings) return tier.findings;
  const status = tier.status === 'healthy' ? 'warning' : tier.status;
  return tier.reasons.map(message => ({ code: '', status, message }));
}
