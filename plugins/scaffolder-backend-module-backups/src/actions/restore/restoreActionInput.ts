import { InputError } from '@backstage/errors';
import {
  restorePlanRequestSchema,
  type RestorePlanRequest,
} from '@internal/plugin-backups-common';
import { z } from 'zod';

// The segments the backups router accepts in /v1/entities/:namespace/:kind/:name.
const ENTITY_REF =
  /^([A-Za-z][A-Za-z0-9-]{0,62}):(?:([A-Za-z0-9][A-Za-z0-9._-]{0,252})\/)?([A-Za-z0-9][A-Za-z0-9._-]{0,252})$/;

const entityRefSchema = z
  .string()
  .regex(ENTITY_REF, 'must be an entity ref such as component:default/odoo')
  .transform(ref => {
    const [, kind, namespace = 'default', name] = ENTITY_REF.exec(ref)!;
    return { kind: kind.toLocaleLowerCase('en-US'), namespace, name };
  });

/**
 * The input of `backups:velero:restore`: the backend's plan request (shared
 * from -common, so the same rules hold at both ends), the entity, and how long
 * to wait. Unknown keys are refused.
 */
export const restoreActionInputSchema = restorePlanRequestSchema
  .extend({
    entityRef: entityRefSchema,
    wait: z.boolean().optional(),
    waitTimeoutMinutes: z
      .number()
      .positive()
      .max(24 * 60)
      .optional(),
  })
  .strict();

export type RestoreActionInput = z.infer<typeof restoreActionInputSchema>;

/** Parses the action's input; one InputError names every bad field. */
export function parseRestoreActionInput(value: unknown): RestoreActionInput {
  const parsed = restoreActionInputSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(issue =>
    issue.code === 'unrecognized_keys'
      ? `${issue.keys.join(', ')}: not an input of backups:velero:restore`
      : `${issue.path.join('.') || 'input'}: ${issue.message}`,
  );
  throw new InputError(
    `Invalid input for backups:velero:restore: ${problems.join('; ')}`,
  );
}

/** What the backend plans from: the input's plan request keys, as given. */
export function planRequestOf(input: RestoreActionInput): RestorePlanRequest {
  return Object.fromEntries(
    Object.keys(restorePlanRequestSchema.shape)
      .map(key => [key, input[key as keyof RestorePlanRequest]])
      .filter(([, value]) => value !== undefined),
  ) as RestorePlanRequest;
}
