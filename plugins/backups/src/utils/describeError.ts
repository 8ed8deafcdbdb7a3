import { ResponseError } from '@backstage/errors';

/** What to tell the user about a failed call: the server's own message and its status. */
export function describeError(error: unknown): {
  status?: number;
  message: string;
} {
  if (ResponseError.is(error)) {
    const message = error.cause.message || error.message;
    if (error.statusCode === 403)
      return { status: 403, message: `Not allowed: ${message}` };
    return { status: error.statusCode, message };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}
