import type {
  FindingCode,
  PlatformFinding as WirePlatformFinding,
} from '@internal/plugin-backups-common';

/** A cluster-wide finding, reported once; `affects` names the tiers it lowers. */
export type PlatformFinding = WirePlatformFinding & { code: FindingCode };

type Affected = PlatformFinding['affects'];

/** Builds a platform finding whose id is stable across requests. */
export function platformFinding(
  code: FindingCode,
  status: PlatformFinding['status'],
  subject: string,
  message: string,
  affects: Affected,
): PlatformFinding {
  return { id: `${code}:${subject}`, code, status, subject, message, affects };
}
