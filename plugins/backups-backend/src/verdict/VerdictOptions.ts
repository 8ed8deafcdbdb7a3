import type { TierKind } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';

/** Everything the verdict rules need besides the cluster's objects. */
export type VerdictOptions = {
  now: DateTime;
  /** Added to a schedule's interval to make its default RPO target. */
  graceSeconds: number;
  /** RPO target of continuous WAL archiving. */
  pitrTargetSeconds: number;
  /** Targets from config, per tier kind, in seconds. */
  configTargets: Partial<Record<TierKind, number>>;
  /** Targets from the entity's annotation: by "kind" or "kind/name". */
  annotationTargets: Record<string, number>;
  /** How long a Flux object may stay Ready=Unknown (Progressing) before it is a finding. */
  progressingGraceSeconds?: number;
};
