import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { BackupsOverview } from '@internal/plugin-backups-common';

/** Client for the backups backend. */
export interface BackupsApi {
  /** The backup picture of one entity: tiers, coverage and per-source errors. */
  getOverview(entityRef: CompoundEntityRef): Promise<BackupsOverview>;
}

/** API reference for {@link BackupsApi}. */
export const backupsApiRef = createApiRef<BackupsApi>({
  id: 'plugin.backups.service',
});
