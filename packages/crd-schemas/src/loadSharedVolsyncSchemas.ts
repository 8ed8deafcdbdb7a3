import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { crdInfos } from './crdInfos';
import { resetValidators } from './validateManifest';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compactCrd } = require(resolvePackagePath(
  '@internal/crd-schemas',
  'scripts',
  'compactCrd.js',
));

/** `<repo root>/../shared/crds`, where the upstream CRD files are kept beside the repository. */
export function defaultSharedCrdsDir(): string {
  return resolve(
    resolvePackagePath('@internal/crd-schemas'),
    '..',
    '..',
    '..',
    'shared',
    'crds',
  );
}

/**
 * Derives VolSync's schemas in memory from the upstream files, when present,
 * so that VolSync objects can be validated without committing AGPL-derived data.
 */
export function loadSharedVolsyncSchemas(
  sharedCrdsDir = defaultSharedCrdsDir(),
): boolean {
  const files = [
    'volsync.backube_replicationsources.yaml',
    'volsync.backube_replicationdestinations.yaml',
  ].map(f => resolve(sharedCrdsDir, 'volsync', f));
  if (!files.every(existsSync)) return false;
  for (const file of files) {
    const compact = compactCrd(parse(readFileSync(file, 'utf8')));
    const known = crdInfos.find(
      c => c.group === compact.group && c.kind === compact.kind,
    );
    if (known) known.versions = compact.versions;
  }
  resetValidators();
  return true;
}
