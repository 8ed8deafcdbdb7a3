export { evaluateClusterSnapshot } from './evaluateClusterSnapshot';
export { evaluateVeleroTier } from './velero/evaluateVeleroTier';
export { evaluateCnpgTier } from './cnpg/evaluateCnpgTier';
export { evaluateVolsyncTier } from './volsync/evaluateVolsyncTier';
export { computeCoverage } from './computeCoverage';
export { humanDuration } from './humanDuration';
export { parseRpoAnnotation, rpoTarget } from './rpoTarget';
export { worstStatus } from './Finding';
export type { VerdictOptions } from './VerdictOptions';
