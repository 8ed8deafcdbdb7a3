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
  })
  .strict();

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
export type DrillOutcome = z.infer<typeof drillOutcomeSchema>;
export type DrillCheck = z.infer<typeof drillCheckSchema>;
export type Drill = z.infer<typeof drillSchema>;
export type DrillList = z.infer<typeof drillListSchema>;
export type DrillCreated = z.infer<typeof drillCreatedSchema>;
export type ProvenRestore = z.infer<typeof provenRestoreSchema>;
export type TierDrill = z.infer<typeof tierDrillSchema>;
