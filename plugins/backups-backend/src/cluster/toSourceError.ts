import type { SourceError } from '@internal/plugin-backups-common';
import { ResourceRef } from './ClusterState';
import { ClusterListError, ClusterTimeoutError } from './ListingClusterState';
import { SourceNotReadyError } from '../cache/SourceNotReadyError';
import { redact } from './redact';

const TOOLS: Record<string, string> = {
  'velero.io': 'Velero',
  'postgresql.cnpg.io': 'CloudNativePG',
  'barmancloud.cnpg.io': 'The Barman Cloud Plugin',
  'volsync.backube': 'VolSync',
  'kustomize.toolkit.fluxcd.io': 'Flux kustomize-controller',
  'helm.toolkit.fluxcd.io': 'Flux helm-controller',
  'source.toolkit.fluxcd.io': 'Flux source-controller',
  'external-secrets.io': 'External Secrets',
  'snapshot.storage.k8s.io': 'The CSI snapshot controller',
};

function statusCode(error: any): number | undefined {
  const code = error?.code ?? error?.statusCode ?? error?.response?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

function statusMessage(error: any): string | undefined {
  try {
    const body =
      typeof error?.body === 'string' ? JSON.parse(error.body) : error?.body;
    return typeof body?.message === 'string' ? body.message : undefined;
  } catch {
    return undefined;
  }
}

/** A network failure in words, by its code: never the raw text, which names the address. */
function networkProblem(error: any): string | undefined {
  const code = error?.code ?? error?.cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host name not found',
    EAI_AGAIN: 'host name lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'connection timed out',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
    SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
    ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
  };
  return typeof code === 'string' ? known[code] ?? code : undefined;
}

/**
 * Turns a failed read into data for `errors`, never a thrown error. Messages
 * go to browsers, so they never hold addresses or tokens (see `redact`).
 */
export function toSourceError(
  source: string,
  resource: ResourceRef,
  namespace: string | undefined,
  error: unknown,
  clusterName: string,
): SourceError {
  const result = describe(source, resource, namespace, error, clusterName);
  return { ...result, message: redact(result.message) };
}

function describe(
  source: string,
  resource: ResourceRef,
  namespace: string | undefined,
  error: unknown,
  clusterName: string,
): SourceError {
  const code = statusCode(error);
  const what = `${resource.plural}${
    resource.group ? `.${resource.group}` : ''
  }`;
  const where = namespace ? ` in namespace ${namespace}` : '';
  if (error instanceof SourceNotReadyError) {
    return {
      source,
      reason: error.state === 'stale' ? 'Stale' : 'Pending',
      message:
        error.state === 'stale'
          ? `Not shown from old data: ${error.message}`
          : `Not read yet: ${error.message}`,
    };
  }
  if (error instanceof ClusterListError) {
    return {
      source,
      reason: 'ServerError',
      message: `Gave up listing ${what}${where} on cluster "${clusterName}": ${error.message}`,
    };
  }
  if (error instanceof ClusterTimeoutError) {
    return {
      source,
      reason: 'Timeout',
      message: `Timed out listing ${what}${where}: ${error.message}`,
    };
  }
  if (code === 404) {
    const tool = TOOLS[resource.group] ?? resource.group;
    return {
      source,
      statusCode: 404,
      reason: 'NotInstalled',
      message: `${tool} is not installed on cluster "${clusterName}" (${resource.group}/${resource.version} ${resource.plural} is not served)`,
    };
  }
  if (code === 401) {
    return {
      source,
      statusCode: 401,
      reason: 'Unauthorized',
      message: `Cluster "${clusterName}" rejected the backend's credentials while listing ${what}`,
    };
  }
  if (code === 403) {
    return {
      source,
      statusCode: 403,
      reason: 'Forbidden',
      message: `Not allowed to list ${what}${where} on cluster "${clusterName}"${
        statusMessage(error) ? `: ${statusMessage(error)}` : ''
      }`,
      rbac: {
        verb: 'list',
        group: resource.group,
        resource: resource.plural,
        namespace,
      },
    };
  }
  if (code !== undefined && code >= 500) {
    return {
      source,
      statusCode: code,
      reason: code === 504 ? 'Timeout' : 'ServerError',
      message: `Cluster "${clusterName}" failed listing ${what}${where}: ${
        statusMessage(error) ?? `HTTP ${code}`
      }`,
    };
  }
  return {
    source,
    ...(code ? { statusCode: code } : {}),
    reason: 'Unknown',
    message: `Could not list ${what}${where} on cluster "${clusterName}": ${
      statusMessage(error) ?? networkProblem(error) ?? 'the request failed'
    }`,
  };
}
