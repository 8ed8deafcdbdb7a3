import { ResourceRegistry } from './ResourceRegistry';
import { groupVersion, ResourceType } from './resourceTypes';

const VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

function resourceList(gv: string, types: ResourceType[]) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: types.flatMap(t => [
      {
        name: t.plural,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: VERBS,
        ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      },
      ...(t.crd
        ? [
            {
              name: `${t.plural}/status`,
              singularName: '',
              namespaced: t.namespaced,
              kind: t.kind,
              verbs: ['get', 'patch', 'update'],
            },
          ]
        : []),
    ]),
  };
}

function apiGroup(name: string, types: ResourceType[]) {
  const versions = [...new Set(types.map(t => t.version))].map(version => ({
    groupVersion: `${name}/${version}`,
    version,
  }));
  return { name, versions, preferredVersion: versions[0] };
}

/** Answers the discovery endpoints, or undefined when the path is not one. */
export function discovery(
  registry: ResourceRegistry,
  segments: string[],
): unknown | undefined {
  const groups = registry.groups();
  if (segments.length === 1 && segments[0] === 'api') {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [
        { clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' },
      ],
    };
  }
  if (segments.length === 2 && segments[0] === 'api' && segments[1] === 'v1') {
    return resourceList('v1', groups.get('') ?? []);
  }
  if (segments.length === 1 && segments[0] === 'apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups.entries()]
        .filter(([name]) => name !== '')
        .map(([name, types]) => apiGroup(name, types)),
    };
  }
  if (segments[0] === 'apis' && segments.length === 2) {
    const types = groups.get(segments[1]);
    return types
      ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(segments[1], types) }
      : undefined;
  }
  if (segments[0] === 'apis' && segments.length === 3) {
    const types = (groups.get(segments[1]) ?? []).filter(
      t => t.version === segments[2],
    );
    return types.length
      ? resourceList(groupVersion(types[0]), types)
      : undefined;
  }
  return undefined;
}
