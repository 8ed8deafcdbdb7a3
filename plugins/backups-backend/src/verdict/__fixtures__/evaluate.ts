import type { Tier } from '@internal/plugin-backups-common';
import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { evaluateClusterSnapshot } from '../evaluateClusterSnapshot';
import { VerdictOptions } from '../VerdictOptions';
import { healthySnapshot, options } from './healthySnapshot';

/** One tier of a snapshot, evaluated as the service does. */
export function tierOf(
  kind: Tier['kind'],
  snapshot: ClusterSnapshot = healthySnapshot(),
  opts: VerdictOptions = options,
): Tier {
  const found = evaluateClusterSnapshot(snapshot, opts).tiers.find(
    t => t.kind === kind,
  );
  if (!found) throw new Error(`no ${kind} tier`);
  return found;
}

/** The finding codes of a tier, with their status: "code:status". */
export function codesOf(tier: Tier): string[] {
  return (tier.findings ?? []).map(f => `${f.code}:${f.status}`);
}
