import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';

const BY_STATUS: Record<number, new (message: string) => Error> = {
  400: InputError,
  401: AuthenticationError,
  403: NotAllowedError,
  404: NotFoundError,
  409: ConflictError,
};

/**
 * The backups backend's refusal as the task shows it: what was being done,
 * the status, and the backend's own message (which names the bad field).
 * A server error or an unreachable backend is a ServiceUnavailableError,
 * which a wait may outlast.
 */
export function backupsError(what: string, error: unknown): Error {
  if (!ResponseError.is(error))
    return new ServiceUnavailableError(
      `${what}: the backups backend could not be reached: ${
        (error as Error)?.message ?? error
      }`,
    );
  const message = `${what} was refused (${error.statusCode}): ${
    error.cause.message || error.statusText
  }`;
  const Type = BY_STATUS[error.statusCode];
  if (Type) return new Type(message);
  if (error.statusCode >= 500) return new ServiceUnavailableError(message);
  return new InputError(message);
}
