import { createHash } from 'node:crypto';

/**
 * The Idempotency-Key of a step's restore: the task id, readable, then a
 * digest of the task id, the step id and the `each` item. A retried or
 * resumed task sends the same key, so the backend returns the restore it made
 * instead of making another; two steps, or two items of one step, make two.
 * The backend takes 8 to 128 of letters, digits, ".", "_", ":" and "-".
 */
export function restoreIdempotencyKey(ctx: {
  task: { id: string };
  step?: { id?: string };
  each?: unknown;
}): string {
  const task = ctx.task.id.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100);
  const digest = createHash('sha256')
    .update(
      [ctx.task.id, ctx.step?.id ?? '', JSON.stringify(ctx.each ?? null)].join(
        '\u0000',
      ),
    )
    .digest('hex')
    .slice(0, 12);
  return `scaffolder:${task}:${digest}`;
}
