/**
 * What the API server's authorizer sees of a request, worked out from its URL
 * alone as Kubernetes' RequestInfoFactory does: the RBAC verb, API group,
 * resource, subresource, namespace and name of a resource request, or the
 * path of a non-resource one (discovery, /version, /healthz).
 */
export type RequestInfo =
  | {
      resourceRequest: true;
      verb: string;
      group: string;
      version: string;
      resource: string;
      subresource?: string;
      namespace?: string;
      name?: string;
    }
  | { resourceRequest: false; verb: string; path: string };

/** Subresources of a Namespace: /api/v1/namespaces/{name}/status is not a resource "status". */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

const BY_METHOD: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

export function requestInfo(method: string | undefined, url: URL): RequestInfo {
  const httpVerb = (method ?? 'GET').toUpperCase();
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map(part => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  const nonResource = (): RequestInfo => ({
    resourceRequest: false,
    verb: httpVerb.toLowerCase(),
    path: url.pathname,
  });

  let group: string;
  let version: string;
  let parts: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    [group, version, parts] = ['', segments[1], segments.slice(2)];
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    [group, version, parts] = [segments[1], segments[2], segments.slice(3)];
  } else {
    return nonResource();
  }

  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1];
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2]))
      parts = parts.slice(2);
  }
  const [resource, name, subresource] = parts;

  const watch = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
  let verb: string;
  if (httpVerb === 'GET' || httpVerb === 'HEAD') {
    if (watch) verb = 'watch';
    else verb = name ? 'get' : 'list';
  } else if (httpVerb === 'DELETE' && !name) {
    verb = 'deletecollection';
  } else {
    verb = BY_METHOD[httpVerb] ?? httpVerb.toLowerCase();
  }
  return {
    resourceRequest: true,
    verb,
    group,
    version,
    resource,
    ...(subresource ? { subresource } : {}),
    ...(namespace ? { namespace } : {}),
    ...(name ? { name } : {}),
  };
}
