import { useApi } from '@backstage/core-plugin-api';
import type { Drill, Tier } from '@internal/plugin-backups-common';
import { useCallback, useEffect, useState } from 'react';
import { backupsApiRef } from '../../api';
import { EntityScope } from '../../utils/EntityScope';

const POLL_MS = 3000;

/**
 * A tier's drill from the tab: following the one running — started here
 * (see `useDrillPlan`) or already running, e.g. on a schedule — until it
 * ends; then `onEnded` refreshes the overview, whose verdict now holds the
 * evidence.
 */
export function useTierDrill(
  scope: EntityScope,
  tier: Tier,
  onEnded?: () => void,
) {
  const backupsApi = useApi(backupsApiRef);
  const running =
    tier.lastDrill?.outcome === 'running' ? tier.lastDrill.id : undefined;
  const [followed, setFollowed] = useState<string | undefined>(running);
  const [drill, setDrill] = useState<Drill>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (running) setFollowed(id => id ?? running);
  }, [running]);

  useEffect(() => {
    if (!followed) return undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const { items } = await backupsApi.listDrills(scope.entityRef);
        if (stopped) return;
        const found = items.find(d => d.id === followed);
        if (found) setDrill(found);
        if (found && found.outcome !== 'running') {
          setFollowed(undefined);
          onEnded?.();
        }
      } catch (e) {
        if (!stopped) setError(e);
      }
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [backupsApi, scope.entityRef, followed, onEnded]);

  const follow = useCallback((id: string) => {
    setError(undefined);
    setDrill(undefined);
    setFollowed(id);
  }, []);

  return {
    follow,
    running: Boolean(followed),
    /** The drill followed from here, once listed. */
    drill,
    error,
  };
}
