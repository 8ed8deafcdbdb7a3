import { z } from 'zod';

const NAME =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Kubernetes object name (DNS-1123 subdomain). */
export const objectNameSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(
    NAME,
    'must be a Kubernetes object name (lowercase letters, digits, "-" and ".")',
  );

/** A namespace name (DNS-1123 label). */
export const namespaceNameSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(
    NAMESPACE,
    'must be a namespace name (lowercase letters, digits and "-")',
  );

/** `POST .../restore-plans`: what to restore, and how. Unknown keys are refused. */
export const restorePlanRequestSchema = z
  .object({
    /** The cluster, when the entity lives in several. */
    cluster: z.string().min(1).max(253).optional(),
    backupName: objectNameSchema,
    /** Where to: the entity's own namespace (in place) or an allowed mapping. */
    targetNamespace: namespaceNameSchema.optional(),
    /** Restore volume data (CSI snapshots, file-system backups). Default true. */
    restorePVs: z.boolean().optional(),
    /** What to do with objects that already exist. Default `none` (skip them). */
    existingResourcePolicy: z.enum(['none', 'update']).optional(),
    /** Required to restore a PartiallyFailed backup. */
    acknowledgePartiallyFailed: z.boolean().optional(),
    /** In place: suspend the Flux objects that manage the target during the restore. */
    suspendGitOps: z.boolean().optional(),
  })
  .strict();

export const restoreContentsSchema = z.array(
  z.object({
    /** e.g. `apps/v1/Deployment`, `v1/PersistentVolumeClaim`. */
    resource: z.string(),
    kind: z.string(),
    count: z.number(),
    /** `namespace/name` (or `name` for cluster-scoped, which are never restored). */
    names: z.array(z.string()),
  }),
);

export const restorePlanSchema = z.object({
  id: z.string(),
  /** A hash of every fact the plan shows; restoring needs it to still match. */
  hash: z.string(),
  expiresAt: z.string(),
  cluster: z.string(),
  entityRef: z.string(),
  /** The exact Restore object that will be created (its name follows the Idempotency-Key). */
  restore: z.record(z.string(), z.unknown()),
  backup: z.object({
    name: z.string(),
    phase: z.string(),
    startTimestamp: z.string().optional(),
    completionTimestamp: z.string().optional(),
    expiration: z.string().optional(),
    storageLocation: z.string().optional(),
    warnings: z.number().optional(),
    errors: z.number().optional(),
  }),
  sourceNamespace: z.string(),
  targetNamespace: z.string(),
  inPlace: z.boolean(),
  existingResourcePolicy: z.enum(['none', 'update']),
  /** What is in the backup, from Velero's BackupResourceList, grouped by kind. */
  contents: restoreContentsSchema,
  /** Objects of the backup that already exist in the target, and what happens to them. */
  existing: z.array(
    z.object({
      resource: z.string(),
      kind: z.string(),
      name: z.string(),
      action: z.enum(['skip', 'update', 'unknown']),
    }),
  ),
  /** PVCs whose data comes back (empty when restorePVs is false). */
  volumes: z.array(z.string()),
  gitops: z.object({
    managedBy: z.array(
      z.object({
        kind: z.string(),
        namespace: z.string(),
        name: z.string(),
        suspended: z.boolean(),
      }),
    ),
    /** The plan will suspend these during the restore and resume them after. */
    suspend: z.boolean(),
    explanation: z.string(),
  }),
  warnings: z.array(z.string()),
});

/** `POST .../restores`, with an `Idempotency-Key` header. */
export const restoreCreateRequestSchema = z
  .object({
    planId: z.string().min(1).max(100),
    planHash: z.string().min(1).max(200),
  })
  .strict();

export const restoreCreatedSchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  name: z.string(),
  phase: z.string(),
});

export const restoreListItemSchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  name: z.string(),
  phase: z.string(),
  progress: z
    .object({
      itemsRestored: z.number().optional(),
      totalItems: z.number().optional(),
    })
    .optional(),
  warnings: z.number().optional(),
  errors: z.number().optional(),
  requestedBy: z.string().optional(),
  createdAt: z.string().optional(),
  backupName: z.string().optional(),
  targetNamespace: z.string().optional(),
});

/** `GET .../restores`. */
export const restoreListSchema = z.object({
  items: z.array(restoreListItemSchema),
});

export type RestorePlanRequest = z.infer<typeof restorePlanRequestSchema>;
export type RestorePlan = z.infer<typeof restorePlanSchema>;
export type RestoreCreateRequest = z.infer<typeof restoreCreateRequestSchema>;
export type RestoreCreated = z.infer<typeof restoreCreatedSchema>;
export type RestoreListItem = z.infer<typeof restoreListItemSchema>;
export type RestoreList = z.infer<typeof restoreListSchema>;
