import { z } from 'zod';
import {
  provenRestoreSchema,
  tierDrillSchema,
  tierKindSchema,
} from '../overviewSchema';

/** A tier to drill: its kind and name, as in the overview. */
export const drillTierSchema = z
  .object({
    kind: tierKindSchema,
    name: z
      .string()
      .min(1)
      .max(253)
      .regex(
        /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
        'must be a Kubernetes object name',
      ),
  })
  .strict();

/** `POST .../drills`, with an `Idempotency-Key` header. Unknown keys are refused. */
export const drillCreateRequestSchema = z
  .object({
    /** The tier to drill; absent: the first tier the entity's drill policy names. */
    tier: drillTierSchema.optional(),
    /** The cluster, when the entity's tier is in several. */
    cluster: z.string().min(1).max(253).optional(),
    /**
     * The `id` of the plan the user saw (`POST .../drill-plans`): the drill
     * takes it, so the names the plan showed are the names it creates.
     */
    planId: z.string().uuid().optional(),
  })
  .strict();

/** `POST .../drill-plans`: what a drill of this tier would do now. Unknown keys are refused. */
export const drillPlanRequestSchema = z
  .object({
    tier: drillTierSchema.optional(),
    cluster: z.string().min(1).max(253).optional(),
  })
  .strict();

/** An object a drill will create (and delete when it ends). */
export const drillPlannedObjectSchema = z.object({
  apiVersion: z.string(),
  kind: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
});

/**
 * `POST .../drill-plans` answers this: the drill as it would run now,
 * computed from the cluster and written nowhere.
 */
export const drillPlanSchema = z.object({
  /** Pass as `planId` to `POST .../drills` to run this plan. */
  id: z.string().uuid(),
  cluster: z.string(),
  /** The app's namespace: what is restored, never written to. */
  namespace: z.string(),
  tier: z.object({ kind: tierKindSchema, name: z.string() }),
  /** What it restores: the Velero backup, the CNPG recovery target, the restic repository. */
  source: z.string(),
  /** The recovery point the drill would prove. */
  recoveryPoint: z.string(),
  /** Where the restored copy will live. */
  target: z.string(),
  /** Everything it creates; all of it is deleted when the drill ends. */
  creates: z.array(drillPlannedObjectSchema),
  /** How the copy is kept apart from production, which workloads run, etc. */
  notes: z.array(z.string()),
  /** The drill fails if its copy is not ready within this. */
  timeLimitSeconds: z.number(),
});

export const drillOutcomeSchema = tierDrillSchema.shape.outcome;

/** One object a drill checked in the restored copy, and what it found. */
export const drillCheckSchema = z.object({
  kind: z.string(),
  name: z.string(),
  ready: z.boolean(),
  /** e.g. `Bound`, `1/1 available`, `scaled to 0 by the drill`, `Ready`. */
  detail: z.string().optional(),
});

/** One drill, as `GET .../drills` lists it. */
export const drillSchema = z.object({
  id: z.string(),
  cluster: z.string(),
  tier: z.object({ kind: tierKindSchema, name: z.string() }),
  trigger: z.enum(['manual', 'schedule']),
  requestedBy: z.string().optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  outcome: drillOutcomeSchema,
  /** Where a running drill is: `queued`, `restoring`, `waiting`, `cleaning-up`... */
  step: z.string().optional(),
  /** What it restores: the Velero backup, or the CNPG recovery target. */
  source: z.string().optional(),
  /** Where the restored copy lives: the drill namespace, or the recovery Cluster. */
  target: z.string().optional(),
  rtoSeconds: z.number().optional(),
  /** The recovery point the drill proved (set when it passed). */
  provenRecoveryPoint: z.string().optional(),
  failureReason: z.string().optional(),
  checks: z.array(drillCheckSchema).optional(),
  /** When everything the drill created was deleted. */
  cleanedUpAt: z.string().optional(),
});

/** `GET .../drills`: the entity's drills, newest first. */
export const drillListSchema = z.object({ items: z.array(drillSchema) });

/** `POST .../drills` answers `202` with this. */
export const drillCreatedSchema = z.object({
  id: z.string(),
  status: drillOutcomeSchema,
});

export type DrillTier = z.infer<typeof drillTierSchema>;
export type DrillCreateRequest = z.infer<typeof drillCreateRequestSchema>;
export type DrillPlanRequest = z.infer<typeof drillPlanRequestSchema>;
export type DrillPlannedObject = z.infer<typeof drillPlannedObjectSchema>;
export type DrillPlan = z.infer<typeof drillPlanSchema>;
export type DrillOutcome = z.infer<typeof drillOutcomeSchema>;
export type DrillCheck = z.infer<typeof drillCheckSchema>;
export type Drill = z.infer<typeof drillSchema>;
export type DrillList = z.infer<typeof drillListSchema>;
export type DrillCreated = z.infer<typeof drillCreatedSchema>;
export type ProvenRestore = z.infer<typeof provenRestoreSchema>;
export type TierDrill = z.infer<typeof tierDrillSchema>;
