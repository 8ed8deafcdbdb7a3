import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  BackupsHistory,
  BackupsOverview,
  DrillCreated,
  DrillCreateRequest,
  DrillList,
  DrillPlan,
  DrillPlanRequest,
  RestoreCreated,
  RestoreList,
  RestorePlan,
  RestorePlanRequest,
} from '@internal/plugin-backups-common';

/** A Velero backup or restore whose log to read. */
export type LogTarget = {
  kind: 'backup' | 'restore';
  name: string;
  cluster: string;
};

/** Client for the backups backend. */
export interface BackupsApi {
  /** The backup picture of one entity: tiers, coverage and per-source errors. */
  getOverview(entityRef: CompoundEntityRef): Promise<BackupsOverview>;
  /** Computes what a restore would do; nothing is restored (Velero's DownloadRequest reads the backup). */
  planRestore(
    entityRef: CompoundEntityRef,
    request: RestorePlanRequest,
  ): Promise<RestorePlan>;
  /**
   * Creates the Restore of a plan. A repeat with the same idempotency key
   * returns the same restore instead of creating another.
   */
  createRestore(
    entityRef: CompoundEntityRef,
    plan: { planId: string; planHash: string },
    idempotencyKey: string,
  ): Promise<RestoreCreated>;
  /** The entity's restores made through Backstage, newest first. */
  listRestores(entityRef: CompoundEntityRef): Promise<RestoreList>;
  /** The plain-text log of a Velero backup or restore. */
  getLogs(entityRef: CompoundEntityRef, target: LogTarget): Promise<string>;
  /**
   * What the history task recorded of each tier in a range (ISO times),
   * merged into at most `maxPoints` points per tier when given.
   */
  getHistory(
    entityRef: CompoundEntityRef,
    range: { from: string; to: string; maxPoints?: number },
  ): Promise<BackupsHistory>;
  /** Computes what a drill of one tier would do now; nothing is created (Velero's DownloadRequest reads the backup). */
  planDrill(
    entityRef: CompoundEntityRef,
    request: DrillPlanRequest,
  ): Promise<DrillPlan>;
  /**
   * Queues a restore drill of one tier; a repeat with the same idempotency
   * key answers the same drill. With a `planId`, the drill creates the
   * objects that plan named.
   */
  runDrill(
    entityRef: CompoundEntityRef,
    request: DrillCreateRequest,
    idempotencyKey: string,
  ): Promise<DrillCreated>;
  /** The entity's restore drills, newest first. */
  listDrills(entityRef: CompoundEntityRef): Promise<DrillList>;
}

/** API reference for {@link BackupsApi}. */
export const backupsApiRef = createApiRef<BackupsApi>({
  id: 'plugin.backups.service',
});
