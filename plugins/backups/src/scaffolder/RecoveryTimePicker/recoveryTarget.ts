import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import type { BackupsOverview } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';

/** Which form fields name the entity, the CNPG cluster and its namespace (`ui:options`). */
export type RecoveryTimePickerOptions = {
  entityField?: string;
  clusterField?: string;
  namespaceField?: string;
};

/** The cluster whose window the time must lie in, as the form names it. */
export type RecoveryTarget = {
  entity: CompoundEntityRef;
  cluster: string;
  /** Absent: the cluster is found by name alone. */
  namespace?: string;
};

/** The window a recovery target must lie in. */
export type RecoveryWindow = { from: DateTime; to: DateTime };

/** The entity and cluster chosen in the form, or undefined while either is missing. */
export function recoveryTargetOfForm(
  form: Record<string, unknown> | undefined,
  options: RecoveryTimePickerOptions | undefined,
): RecoveryTarget | undefined {
  const field = (name: string | undefined, fallback: string) => {
    const value = form?.[name ?? fallback];
    return typeof value === 'string' && value ? value : undefined;
  };
  const entityRef = field(options?.entityField, 'entity');
  const cluster = field(options?.clusterField, 'cluster');
  if (!entityRef || !cluster) return undefined;
  try {
    const entity = parseEntityRef(entityRef);
    return {
      entity,
      cluster,
      namespace: field(options?.namespaceField, 'namespace'),
    };
  } catch {
    return undefined;
  }
}

/**
 * The live recoverability window of the chosen cluster from the CNPG tier of
 * the overview, or why there is none.
 */
export function recoveryWindowOf(
  overview: BackupsOverview,
  target: RecoveryTarget,
): { window: RecoveryWindow; problem?: undefined } | { problem: string } {
  const tiers = overview.clusters.flatMap(c =>
    c.tiers.filter(
      t =>
        t.kind === 'cnpg' &&
        t.name === target.cluster &&
        (!target.namespace || t.namespace === target.namespace),
    ),
  );
  const where = target.namespace ? ` in namespace ${target.namespace}` : '';
  if (tiers.length === 0)
    return {
      problem: `${overview.entityRef} has no CloudNativePG cluster ${target.cluster}${where}`,
    };
  if (tiers.length > 1)
    return {
      problem: `${target.cluster} is found more than once${where}: give its namespace`,
    };
  const [tier] = tiers;
  if (!tier.firstRecoveryPoint || !tier.lastRecoveryPoint)
    return {
      problem: `${target.cluster} has no known recoverability window${
        tier.reasons.length ? `: ${tier.reasons.join('; ')}` : ''
      }`,
    };
  return {
    window: {
      from: DateTime.fromISO(tier.firstRecoveryPoint, { zone: 'utc' }),
      to: DateTime.fromISO(tier.lastRecoveryPoint, { zone: 'utc' }),
    },
  };
}

/** A stored value: RFC 3339 with its zone, as the picker writes it. */
export function parseStoredTime(value: string): DateTime | undefined {
  if (!/T.*(?:Z|[+-]\d{2}:\d{2})$/i.test(value)) return undefined;
  const time = DateTime.fromISO(value, { setZone: true });
  return time.isValid ? time : undefined;
}

/** A time as the form stores it and the action takes it: RFC 3339 in UTC. */
export function toRfc3339Utc(time: DateTime): string {
  return time.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

/** Why the time is outside the window, giving the window in UTC; undefined when inside. */
export function outsideWindowProblem(
  time: DateTime,
  window: RecoveryWindow,
  cluster: string,
): string | undefined {
  if (time >= window.from && time <= window.to) return undefined;
  return `${toRfc3339Utc(
    time,
  )} is outside the recoverability window of ${cluster}: ${toRfc3339Utc(
    window.from,
  )} to ${toRfc3339Utc(window.to)} (UTC)`;
}
