/**
 * Which requests a fault applies to. Every field left out matches anything;
 * a fault with a group, resource, namespace or name never matches discovery
 * and the other non-resource paths.
 */
export type FaultScope = {
  /** Only requests of this identity (see `KubeSimulatorOptions.tokens`). */
  identity?: string;
  /** API group, '' for the core group. */
  group?: string;
  /** Plural resource name, e.g. `backups`. */
  resource?: string;
  namespace?: string;
  /** RBAC verbs: get, list, watch, create, update, patch, delete, deletecollection. */
  verbs?: string[];
};

/** Answers a fixed Status instead of the real result (the original fault shape). */
export type StatusFault = FaultScope & {
  kind?: 'status';
  status: 401 | 403 | 404 | 409 | 422 | 500 | 502 | 503 | 504;
  /** Waits this long before answering. */
  delayMs?: number;
  message?: string;
};

/** 401 for every request of the scope, as for a revoked or expired token. */
export type UnauthorizedFault = FaultScope & { kind: 'unauthorized' };

/** 403 with the API server's RBAC message, e.g. on one API group. */
export type ForbiddenFault = FaultScope & { kind: 'forbidden' };

/**
 * The group's CRDs are not installed: discovery leaves it out and every path
 * under it answers 404, as a real API server does.
 */
export type MissingGroupFault = { kind: 'missingGroup'; group: string };

/**
 * A `fraction` of the requests of the scope answer `status` (default 500).
 * Which ones is decided by a hash of the seed, the request (identity, method,
 * path and query) and how often that same request came before, so a test gets
 * the same answers on every run, whatever order concurrent requests arrive in.
 */
export type FlakyFault = FaultScope & {
  kind: 'flaky';
  fraction: number;
  seed?: number;
  status?: 500 | 502 | 503 | 504;
};

/** Every request of the scope waits `delayMs` before it is answered. */
export type LatencyFault = FaultScope & { kind: 'latency'; delayMs: number };

/**
 * Page `page` (1 is the first, without `continue`) of every paged LIST of the
 * scope answers `status` (default 500): a list that fails half-way.
 */
export type FailPageFault = FaultScope & {
  kind: 'failPage';
  page: number;
  status?: 500 | 502 | 503 | 504;
};

/**
 * LISTs of the scope always answer the same `continue` token, so a client
 * that follows it never reaches the end.
 */
export type RepeatContinueFault = FaultScope & { kind: 'repeatContinue' };

/** A failure the simulator answers instead of the real result, for tests and scenarios. */
export type Fault =
  | StatusFault
  | UnauthorizedFault
  | ForbiddenFault
  | MissingGroupFault
  | FlakyFault
  | LatencyFault
  | FailPageFault
  | RepeatContinueFault;

const FORBIDDEN_USER = 'system:serviceaccount:backstage:backstage';

export function faultMessage(
  fault: {
    group: string;
    resource: string;
    namespace?: string;
    status: number;
    message?: string;
  },
  verb: string,
): string {
  if (fault.message) return fault.message;
  const resource = fault.group
    ? `${fault.resource}.${fault.group}`
    : fault.resource;
  switch (fault.status) {
    case 403:
      return `${resource} is forbidden: User "${FORBIDDEN_USER}" cannot ${verb} resource "${
        fault.resource
      }" in API group "${fault.group}"${
        fault.namespace
          ? ` in the namespace "${fault.namespace}"`
          : ' at the cluster scope'
      }`;
    case 401:
      return 'Unauthorized';
    case 502:
      return 'the server responded with a bad gateway error';
    case 504:
      return 'Timeout: request did not complete within the allotted timeout';
    case 503:
      return 'the server is currently unable to handle the request';
    default:
      return 'an error on the server ("internal error") has prevented the request from succeeding';
  }
}
