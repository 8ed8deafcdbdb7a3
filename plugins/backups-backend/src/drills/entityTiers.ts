import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_RPO_TARGETS,
  type Tier,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import type { ClusterState } from '../cluster/ClusterState';
import { withSignal } from '../cluster/withSignal';
import { readClusterSnapshot } from '../readers/readClusterSnapshot';
import type { VeleroReaderOptions } from '../readers/readVelero';
import { parseDurationText } from '../service/readVerdictConfig';
import type {
  ClusterSnapshot,
  EntityTarget,
} from '../snapshot/ClusterSnapshot';
import { evaluateClusterSnapshot } from '../verdict/evaluateClusterSnapshot';
import { parseRpoAnnotation } from '../verdict/rpoTarget';
import type { VerdictOptions } from '../verdict/VerdictOptions';

/**
 * An entity's tiers in one cluster, as the overview's verdict sees them
 * now, with the snapshot they come from: a drill restores what the verdict
 * claims (the Velero backup it counts, the CNPG point it reports).
 */
export async function entityTiers(options: {
  state: ClusterState;
  entity: Entity;
  target: EntityTarget;
  velero: VeleroReaderOptions;
  verdict: Omit<VerdictOptions, 'now' | 'annotationTargets'>;
  now: Date;
  signal: AbortSignal;
}): Promise<{ snapshot: ClusterSnapshot; tiers: Tier[] }> {
  const snapshot = await readClusterSnapshot(
    withSignal(options.state, options.signal),
    options.target,
    { velero: options.velero },
  );
  const { tiers } = evaluateClusterSnapshot(snapshot, {
    ...options.verdict,
    now: DateTime.fromJSDate(options.now).toUTC(),
    annotationTargets: parseRpoAnnotation(
      options.entity.metadata.annotations?.[ANNOTATION_RPO_TARGETS],
      parseDurationText,
    ).targets,
  });
  return { snapshot, tiers };
}
