import { useApi } from '@backstage/core-plugin-api';
import type { DrillCreated, Tier } from '@internal/plugin-backups-common';
import { useCallback, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { backupsApiRef } from '../../api';
import { EntityScope } from '../../utils/EntityScope';
import { newIdempotencyKey } from '../../utils/newIdempotencyKey';

/**
 * Plans a drill of a tier, and starts that plan on demand. The drill takes
 * the plan's id, so it creates the objects the plan showed; each plan gets
 * one Idempotency-Key, so a double click or a retry starts one drill.
 */
export function useDrillPlan(
  scope: EntityScope,
  tier: Pick<Tier, 'kind' | 'name'>,
  onStarted: (drill: DrillCreated) => void,
) {
  const backupsApi = useApi(backupsApiRef);
  const { entityRef, cluster } = scope;
  const { kind, name } = tier;
  const planned = useAsync(
    () => backupsApi.planDrill(entityRef, { tier: { kind, name }, cluster }),
    [backupsApi, entityRef, cluster, kind, name],
  );
  const plan = planned.loading ? undefined : planned.value;
  const idempotencyKey = useMemo(
    () => (plan ? newIdempotencyKey() : undefined),
    [plan],
  );
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>();

  const start = useCallback(async () => {
    if (!plan || !idempotencyKey) return;
    setStarting(true);
    setStartError(undefined);
    try {
      const created = await backupsApi.runDrill(
        entityRef,
        { tier: { kind, name }, cluster, planId: plan.id },
        idempotencyKey,
      );
      setStarting(false);
      onStarted(created);
    } catch (error) {
      setStarting(false);
      setStartError(error);
    }
  }, [
    backupsApi,
    entityRef,
    cluster,
    kind,
    name,
    plan,
    idempotencyKey,
    onStarted,
  ]);

  return {
    plan,
    planning: planned.loading,
    planError: planned.error,
    starting,
    startError,
    start,
  };
}
