import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  backupsOverviewSchema,
  type BackupsOverview,
} from '@internal/plugin-backups-common';
import { backupsError } from '../restore/backupsError';

/** What the action needs to read the backups backend. */
export type BackupsBackendDeps = {
  auth: AuthService;
  discovery: DiscoveryService;
};

/** `kind:namespace/name` (already validated) as its parts; the namespace defaults to `default`. */
export function entityRefParts(entityRef: string) {
  const [, kind, namespace = 'default', name] =
    /^([^:]+):(?:([^/]+)\/)?(.+)$/.exec(entityRef) ?? [];
  return { kind, namespace, name };
}

/**
 * The entity's Backups overview, read on behalf of whoever started the task,
 * so the backend's permission on the entity applies to them.
 */
export async function readBackupsOverview(
  deps: BackupsBackendDeps,
  onBehalfOf: BackstageCredentials,
  entityRef: string,
  signal?: AbortSignal,
): Promise<BackupsOverview> {
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf,
    targetPluginId: 'backups',
  });
  const base = await deps.discovery.getBaseUrl('backups');
  const { kind, namespace, name } = entityRefParts(entityRef);
  const path = [namespace, kind, name].map(encodeURIComponent).join('/');
  const what = `Reading the Backups overview of ${entityRef}`;
  let response: Response;
  try {
    response = await fetch(`${base}/v1/entities/${path}/overview`, {
      headers: { Authorization: `Bearer ${token}` },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw backupsError(what, error);
  }
  if (!response.ok)
    throw backupsError(what, await ResponseError.fromResponse(response));
  return backupsOverviewSchema.parse(await response.json());
}
