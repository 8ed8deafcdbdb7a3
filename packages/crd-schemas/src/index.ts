/**
 * Compact CRD schemas derived from upstream, and a strict manifest validator.
 *
 * @packageDocumentation
 */
export { crdInfos, findCrd, schemasDir } from './crdInfos';
export type { CrdInfo, CrdVersion } from './crdInfos';
export { validateManifest, validateManifests } from './validateManifest';
export type { ManifestValidation } from './validateManifest';
export {
  loadSharedVolsyncSchemas,
  defaultSharedCrdsDir,
} from './loadSharedVolsyncSchemas';
