/**
 * The demo's GitOps repository, served over git smart HTTP on loopback.
 *
 * @packageDocumentation
 */
export { GitopsDemoServer } from './GitopsDemoServer';
export type { GitopsDemoServerOptions } from './GitopsDemoServer';
export type { Branch, BranchCommit } from './listBranches';
