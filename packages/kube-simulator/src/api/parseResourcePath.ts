import { ResourceRegistry } from './ResourceRegistry';
import { ResourceType } from './resourceTypes';
import { fail } from './status';

export type ResourcePath = {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
};

const NOT_FOUND = 'the server could not find the requested resource';

/**
 * Maps `/api/v1/...` and `/apis/{group}/{version}/...` to a resource type.
 * An unknown group, version or resource answers 404 with an empty Status
 * details, as a real API server does for a CRD that is not installed.
 */
export function parseResourcePath(
  registry: ResourceRegistry,
  segments: string[],
): ResourcePath {
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    [group, version, rest] = ['', segments[1], segments.slice(2)];
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  } else {
    return fail(404, NOT_FOUND, { details: {} });
  }

  const lookup = (plural: string) =>
    registry.byPlural(group, version, plural) ??
    fail(404, NOT_FOUND, { details: {} });

  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const type = lookup(rest[2]);
    if (!type.namespaced) fail(404, NOT_FOUND, { details: {} });
    if (rest.length > 5) fail(404, NOT_FOUND, { details: {} });
    return { type, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  const type = lookup(rest[0]);
  if (rest.length > 3) fail(404, NOT_FOUND, { details: {} });
  if (rest.length >= 2 && type.namespaced)
    fail(404, NOT_FOUND, { details: {} });
  return { type, name: rest[1], subresource: rest[2] };
}
