import { z } from 'zod';
import { tierKindSchema, tierStatusSchema } from '../overviewSchema';

const isoTime = z.string().datetime({ offset: true });
const tierRefSchema = z.object({ kind: tierKindSchema, name: z.string() });

/** The most points per tier a history answer may be asked to merge into. */
export const HISTORY_MAX_POINTS = 5000;

/** `GET .../history?from=&to=&maxPoints=`: ISO times; unknown keys are refused. */
export const historyQuerySchema = z
  .object({
    from: isoTime.optional(),
    to: isoTime.optional(),
    /**
     * At most this many points per tier: the range is cut into as many
     * buckets, and each keeps its worst RPO actual (`bucketSeconds` says
     * how long they are). Absent: every recorded point.
     */
    maxPoints: z.coerce
      .number()
      .int()
      .min(10)
      .max(HISTORY_MAX_POINTS)
      .optional(),
  })
  .strict();

/** One tier of one cluster, as the history task recorded it. */
export const historyPointSchema = z.object({
  at: z.string(),
  cluster: z.string(),
  tier: tierRefSchema,
  status: tierStatusSchema,
  rpoActualSeconds: z.number().nullable(),
  rpoTargetSeconds: z.number().nullable(),
});

/**
 * How long a tier met its RPO target in the range. Each point stands until
 * the next one, at most one recording interval (a gap is not observed time);
 * a point with an unknown RPO actual or target does not meet it.
 */
export const historyTierSummarySchema = z.object({
  cluster: z.string(),
  tier: tierRefSchema,
  points: z.number(),
  observedSeconds: z.number(),
  metSeconds: z.number(),
  /** metSeconds / observedSeconds; null when nothing was observed. */
  share: z.number().nullable(),
});

/** A finished restore drill, shown as a marker on the history. */
export const historyDrillSchema = z.object({
  at: z.string(),
  tier: tierRefSchema,
  outcome: z.enum(['passed', 'failed']),
});

export const backupsHistorySchema = z.object({
  entityRef: z.string(),
  from: z.string(),
  to: z.string(),
  /** How often the history task records. */
  intervalSeconds: z.number(),
  items: z.array(historyPointSchema),
  /**
   * Set when `maxPoints` merged a tier's points: each item is the worst of
   * a bucket this long. The summary is always made from every point.
   */
  bucketSeconds: z.number().optional(),
  summary: z.array(historyTierSummarySchema),
  /** Drills in the range, when the backend keeps them. */
  drills: z.array(historyDrillSchema).optional(),
});

export type HistoryQuery = z.infer<typeof historyQuerySchema>;
export type HistoryPoint = z.infer<typeof historyPointSchema>;
export type HistoryTierSummary = z.infer<typeof historyTierSummarySchema>;
export type HistoryDrill = z.infer<typeof historyDrillSchema>;
export type BackupsHistory = z.infer<typeof backupsHistorySchema>;
