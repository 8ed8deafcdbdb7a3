/** A `Status` object, as the API server returns for every error. */
export type KubeStatus = {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: Record<string, unknown>;
  code: number;
};

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'AlreadyExists',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  500: 'InternalError',
  502: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export function status(
  code: number,
  message: string,
  options: { reason?: string; details?: Record<string, unknown> } = {},
): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: code < 400 ? 'Success' : 'Failure',
    message,
    reason: options.reason ?? REASONS[code] ?? 'Unknown',
    ...(options.details ? { details: options.details } : {}),
    code,
  };
}

/** An error carrying a Status; the request handler turns it into a response. */
export class StatusError extends Error {
  readonly status: KubeStatus;

  constructor(body: KubeStatus) {
    super(body.message);
    this.status = body;
  }
}

export function fail(
  code: number,
  message: string,
  options?: { reason?: string; details?: Record<string, unknown> },
): never {
  throw new StatusError(status(code, message, options));
}
