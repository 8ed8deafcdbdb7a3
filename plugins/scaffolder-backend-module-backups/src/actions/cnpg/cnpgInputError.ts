import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';

export const CNPG_RECOVERY_ACTION_ID = 'backups:cnpg:recovery-manifest';

/** One InputError for every problem found, each naming its field. */
export function cnpgInputError(problems: string[]): InputError {
  return new InputError(
    `Invalid input for ${CNPG_RECOVERY_ACTION_ID}: ${problems.join('; ')}`,
  );
}

/** zod's own messages (a wrong type, an unknown key) prefixed with the field. */
const namingErrorMap: zod.ZodErrorMap = (issue, ctx) => ({
  message: `${issue.path.join('.') || 'input'}: ${ctx.defaultError}`,
});

/** Parses the action's input; the first problem of each field goes into one InputError. */
export function parseCnpgInput<S extends zod.ZodTypeAny>(
  schema: S,
  value: unknown,
): zod.infer<S> {
  const result = schema.safeParse(value, { errorMap: namingErrorMap });
  if (result.success) return result.data;
  const byField = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  throw cnpgInputError([...byField.values()]);
}
