import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type {
  RestoreCreated,
  RestoreListItem,
} from '@internal/plugin-backups-common';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { backupsApiRef } from '../../api';

const sameRestore = (a: RestoreCreated, b: RestoreCreated) =>
  a.cluster === b.cluster && a.name === b.name;

/**
 * The entity's restores made through Backstage. One just requested shows at
 * once, before the next list holds it; a repeat of the same request does not
 * add a second row.
 */
export function useMadeRestores(
  entityRef: CompoundEntityRef,
  enabled: boolean,
) {
  const backupsApi = useApi(backupsApiRef);
  const [requested, setRequested] = useState<RestoreListItem[]>([]);
  const [latest, setLatest] = useState<RestoreCreated>();
  const listed = useAsyncRetry(
    async () =>
      enabled ? (await backupsApi.listRestores(entityRef)).items : [],
    [backupsApi, entityRef, enabled],
  );
  const { retry } = listed;
  const add = useCallback(
    (restore: RestoreCreated) => {
      setLatest(restore);
      setRequested(known =>
        known.some(r => sameRestore(r, restore))
          ? known
          : [...known, { ...restore, createdAt: new Date().toISOString() }],
      );
      retry();
    },
    [retry],
  );
  const items = listed.value ?? [];
  return {
    items: [
      ...items,
      ...requested.filter(r => !items.some(i => sameRestore(i, r))),
    ],
    /** The restore requested last from this tab. */
    latest,
    error: listed.error,
    retry,
    add,
  };
}
