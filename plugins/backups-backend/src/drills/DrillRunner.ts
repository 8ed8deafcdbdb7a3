import type { Entity } from '@backstage/catalog-model';
import type {
  DrillCheck,
  DrillPlannedObject,
  Tier,
} from '@internal/plugin-backups-common';
import type { KubeItem, ResourceRef } from '../cluster/ClusterState';
import type { ClusterAccess } from '../restores/planRestore';
import type { RestoreConfig } from '../restores/restoreConfig';
import type { ClusterSnapshot } from '../snapshot/ClusterSnapshot';
import type { DrillPolicy } from './drillPolicy';
import { DRILL_LABELS } from './drillLabels';
import type { DrillRecord } from './DrillStore';

/** A reason a drill cannot go on: it fails with this message (not retried). */
export class DrillFailure extends Error {
  readonly name = 'DrillFailure';
}

/** What every step gets: the drill, and the cluster read and written live. */
export type DrillContext = {
  record: DrillRecord;
  access: ClusterAccess;
  veleroNamespace: string;
  now: Date;
  signal: AbortSignal;
};

/** What `prepare` reads: the entity and its tier as the verdict sees it now. */
export type PrepareInput = {
  entity: Entity;
  entityRef: string;
  snapshot: ClusterSnapshot;
  tier: Tier;
  policy: DrillPolicy;
  restoreConfig: RestoreConfig;
  /** The drill's deadline, written on what it creates for the janitor. */
  expiresAt: string;
};

/** What a drill will restore, where to, and what its steps need later. */
export type Prepared = {
  source: string;
  target: string;
  recoveryPoint: string;
  state: Record<string, any>;
  /** What `create` will create: shown in the drill's plan, never stored. */
  creates: DrillPlannedObject[];
  /** How the copy is kept apart and what runs in it: shown in the plan. */
  notes: string[];
};

/** Where the restored copy is. */
export type Progress =
  | { ready: false; checks: DrillCheck[]; failure?: string }
  | {
      ready: true;
      checks: DrillCheck[];
      /** When the restore was requested, by the cluster's clock. */
      requestedAt: string;
      /** When the last checked object became ready. */
      readyAt: string;
    };

/**
 * One kind of drill. Every step is idempotent (a step repeated after a
 * restart finds what it created and goes on) and reads the API server
 * itself, never the cache.
 */
export interface DrillRunner {
  /** Chooses what to restore and checks the guards; writes nothing but a DownloadRequest. */
  prepare(ctx: DrillContext, input: PrepareInput): Promise<Prepared>;
  /** Creates what the drill needs (tolerates AlreadyExists of its own objects). */
  create(ctx: DrillContext): Promise<void>;
  /** Looks at the restored copy. */
  check(ctx: DrillContext): Promise<Progress>;
  /** Deletes what the drill created; true once it is all gone. */
  cleanup(ctx: DrillContext): Promise<boolean>;
}

/** Treats 409 AlreadyExists as done, when `mine` says the object is this drill's. */
export async function ensureCreated(
  create: () => Promise<unknown>,
  mine: () => Promise<boolean>,
  what: string,
): Promise<void> {
  try {
    await create();
  } catch (error) {
    if ((error as { code?: number }).code !== 409) throw error;
    if (!(await mine()))
      throw new DrillFailure(
        `${what} already exists and is not this drill's; delete it or wait for the janitor`,
      );
  }
}

/** An API error a drill cannot get past by retrying (400, 403, 404, 422). */
export function permanent(error: unknown): boolean {
  const code = (error as { code?: number }).code;
  return (
    error instanceof DrillFailure ||
    code === 400 ||
    code === 403 ||
    code === 404 ||
    code === 422
  );
}

/**
 * Deletes an object the drill created in the app's namespace (background
 * propagation: what it owns goes with it); true once it is gone, or when it
 * is not this drill's, which a cleanup never touches.
 */
export async function deleteOwn(
  ctx: DrillContext,
  resource: ResourceRef,
  item: KubeItem | undefined,
): Promise<boolean> {
  if (!item || item.metadata.labels?.[DRILL_LABELS.drill] !== ctx.record.id)
    return true;
  await ctx.access.writer.delete(
    resource,
    ctx.record.namespace,
    item.metadata.name,
    { signal: ctx.signal },
  );
  return false;
}

/** An object of the app's namespace by name, read from the API server. */
export async function getInNamespace(
  ctx: DrillContext,
  resource: ResourceRef,
  name: string,
): Promise<KubeItem | undefined> {
  const [item] = await ctx.access.state.list(resource, {
    namespace: ctx.record.namespace,
    fieldSelector: `metadata.name=${name}`,
    signal: ctx.signal,
  });
  return item;
}

/**
 * Creates an object of the drill in the app's namespace; one that exists
 * and carries this drill's label is taken as created (a repeated step).
 */
export async function createOwn(
  ctx: DrillContext,
  resource: ResourceRef,
  manifest: Record<string, any>,
): Promise<void> {
  const name: string = manifest.metadata.name;
  await ensureCreated(
    () =>
      ctx.access.writer.create(resource, ctx.record.namespace, manifest, {
        signal: ctx.signal,
      }),
    async () =>
      (
        await getInNamespace(ctx, resource, name)
      )?.metadata.labels?.[DRILL_LABELS.drill] === ctx.record.id,
    `${manifest.kind} ${ctx.record.namespace}/${name}`,
  );
}
