import type { z as zod } from 'zod/v3';

/**
 * The input as the scaffolder shows and type-checks it, built on the zod it
 * hands to schema callbacks. The rules of each value (names, the target, the
 * bounds) are the shared ones of `restoreActionInputSchema`, which the handler
 * applies; a test keeps the two key sets equal.
 */
export const restoreInputSchema = (z: typeof zod) =>
  z.object({
    entityRef: z
      .string()
      .describe(
        'The entity whose backup to restore, e.g. component:default/odoo',
      ),
    backupName: z
      .string()
      .describe(
        'The Velero Backup to restore: Completed, or PartiallyFailed when acknowledged',
      ),
    cluster: z
      .string()
      .optional()
      .describe('The cluster, when the entity lives in several'),
    targetNamespace: z
      .string()
      .optional()
      .describe(
        "Where to restore: the entity's own namespace (in place, the default) or an allowed mapping such as <namespace>-restore",
      ),
    existingResourcePolicy: z
      .enum(['none', 'update'])
      .optional()
      .describe(
        'Objects that already exist: none skips them (default), update updates them to the backup',
      ),
    restorePVs: z
      .boolean()
      .optional()
      .describe(
        'Restore volume data, snapshots and file-system backups (default true)',
      ),
    acknowledgePartiallyFailed: z
      .boolean()
      .optional()
      .describe(
        'Required to restore a PartiallyFailed backup, whose items are partly missing',
      ),
    suspendGitOps: z
      .boolean()
      .optional()
      .describe(
        'In place: suspend the Flux objects that manage the target during the restore (default true)',
      ),
    wait: z
      .boolean()
      .optional()
      .describe(
        'Wait for the restore to end, logging its progress; Failed and FailedValidation fail the step',
      ),
    waitTimeoutMinutes: z
      .number()
      .optional()
      .describe(
        'How long to wait, in minutes, at most 1440 (default 30); the restore goes on after',
      ),
  });

export const restoreOutputSchema = (z: typeof zod) =>
  z.object({
    cluster: z.string().describe('The cluster of the Restore'),
    namespace: z.string().describe("Velero's namespace, where the Restore is"),
    name: z
      .string()
      .describe("The Restore's name; in a dry run, the plan's placeholder"),
    phase: z
      .string()
      .describe(
        "The Restore's phase: the last one seen, the final one with wait; Planned in a dry run",
      ),
    targetNamespace: z.string().describe('Where the backup is restored'),
    plan: z
      .record(z.string(), z.any())
      .optional()
      .describe('The plan, in a dry run'),
  });
