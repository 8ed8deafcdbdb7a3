import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

export type CrdVersion = {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: Record<string, unknown>;
};

/** A CRD's names, scope and versions, with the compact schema of each served version. */
export type CrdInfo = {
  group: string;
  kind: string;
  plural: string;
  singular: string;
  scope: 'Namespaced' | 'Cluster';
  shortNames?: string[];
  versions: CrdVersion[];
};

export const schemasDir = resolvePackagePath(
  '@internal/crd-schemas',
  'schemas',
);

function load(): CrdInfo[] {
  return readdirSync(schemasDir)
    .filter(f => f.endsWith('.json'))
    .sort()
    .map(f => JSON.parse(readFileSync(resolve(schemasDir, f), 'utf8')));
}

/**
 * VolSync's CRDs are AGPL-3.0, so no schema derived from them is committed;
 * its names are plain facts. `loadSharedVolsyncSchemas` adds the schemas in
 * memory where the upstream files are at hand.
 */
const volsync: CrdInfo[] = [
  {
    group: 'volsync.backube',
    kind: 'ReplicationSource',
    plural: 'replicationsources',
    singular: 'replicationsource',
    scope: 'Namespaced',
    versions: [{ name: 'v1alpha1', served: true, storage: true }],
  },
  {
    group: 'volsync.backube',
    kind: 'ReplicationDestination',
    plural: 'replicationdestinations',
    singular: 'replicationdestination',
    scope: 'Namespaced',
    versions: [{ name: 'v1alpha1', served: true, storage: true }],
  },
];

/** Every known CRD: the committed compact schemas plus VolSync's names. */
export const crdInfos: CrdInfo[] = [...load(), ...volsync];

export function findCrd(apiVersion: string, kind: string): CrdInfo | undefined {
  const [group] = apiVersion.split('/');
  return crdInfos.find(c => c.group === group && c.kind === kind);
}
