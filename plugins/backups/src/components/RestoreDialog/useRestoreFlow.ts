import { useApi } from '@backstage/core-plugin-api';
import type {
  RestoreCreated,
  RestorePlanRequest,
} from '@internal/plugin-backups-common';
import { useCallback, useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { backupsApiRef } from '../../api';
import { EntityScope } from '../../utils/EntityScope';
import { newIdempotencyKey } from '../../utils/newIdempotencyKey';

type Submission = { inFlight: number; error?: Error };

/**
 * Plans a restore whenever the request changes, and creates it on demand.
 * Each plan gets one Idempotency-Key, so a double click or a retry of the
 * same plan creates one restore.
 */
export function useRestoreFlow(
  scope: EntityScope,
  request: RestorePlanRequest | undefined,
  onRestored: (restore: RestoreCreated) => void,
) {
  const backupsApi = useApi(backupsApiRef);
  const [attempt, setAttempt] = useState(0);
  const requestKey = JSON.stringify(request);
  const planned = useAsync(
    async () =>
      request ? backupsApi.planRestore(scope.entityRef, request) : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [backupsApi, scope.entityRef, requestKey, attempt],
  );
  const plan = planned.loading ? undefined : planned.value;
  const idempotencyKey = useMemo(
    () => (plan ? newIdempotencyKey() : undefined),
    [plan],
  );
  const [submission, setSubmission] = useState<Submission>({ inFlight: 0 });
  // A new plan starts clean; the options cannot change while a request is in flight.
  useEffect(() => setSubmission(s => ({ inFlight: s.inFlight })), [plan]);

  const restore = useCallback(async () => {
    if (!plan || !idempotencyKey) return;
    setSubmission(s => ({ inFlight: s.inFlight + 1 }));
    try {
      const created = await backupsApi.createRestore(
        scope.entityRef,
        { planId: plan.id, planHash: plan.hash },
        idempotencyKey,
      );
      setSubmission(s => ({ inFlight: s.inFlight - 1 }));
      onRestored(created);
    } catch (error) {
      setSubmission(s => ({ inFlight: s.inFlight - 1, error: error as Error }));
    }
  }, [backupsApi, scope.entityRef, plan, idempotencyKey, onRestored]);

  const planAgain = useCallback(() => setAttempt(a => a + 1), []);

  return {
    plan,
    planning: planned.loading,
    error: planned.error ?? submission.error,
    submitting: submission.inFlight > 0,
    restore,
    planAgain,
  };
}
