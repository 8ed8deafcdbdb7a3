import type { TierKind } from '@internal/plugin-backups-common';
import { Finding } from '../Finding';
import { PlatformFinding } from './PlatformFinding';

/**
 * A tier's pointers to the platform findings that lower it: they count in
 * its status, while their text stays in the one cluster-wide entry.
 */
export function platformCopies(
  platform: PlatformFinding[],
  kind: TierKind,
  name: string,
): Finding[] {
  return platform
    .filter(p => p.affects.some(a => a.kind === kind && a.name === name))
    .map(p => ({
      code: p.code,
      status: p.status,
      message: `${p.subject}: see the platform findings`,
      platformFindingId: p.id,
    }));
}
