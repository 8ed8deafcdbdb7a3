import type { z as zod } from 'zod/v3';
import { veleroInputError } from './veleroInputError';

/** zod's own messages (a wrong type, an unknown key) prefixed with the field. */
const namingErrorMap: zod.ZodErrorMap = (issue, ctx) => ({
  message: `${issue.path.join('.') || 'input'}: ${ctx.defaultError}`,
});

const PREFERRED: string[] = ['too_small', 'too_big', 'custom'];

/** Parses with a schema of `veleroSchemas`; one InputError names every bad field. */
export function parseOrThrow<S extends zod.ZodTypeAny>(
  schema: S,
  value: unknown,
): zod.infer<S> {
  const result = schema.safeParse(value, { errorMap: namingErrorMap });
  if (result.success) return result.data;
  // One message a field: empty or too long first, then what the parsers say
  // (custom issues, which quote the value), then the rest (the regex's shape).
  const rank = (issue: zod.ZodIssue) => {
    const index = PREFERRED.indexOf(issue.code);
    return index < 0 ? PREFERRED.length : index;
  };
  const byField = new Map<string, zod.ZodIssue>();
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    const kept = byField.get(field);
    if (!kept || rank(issue) < rank(kept)) byField.set(field, issue);
  }
  throw veleroInputError([...byField.values()].map(issue => issue.message));
}
