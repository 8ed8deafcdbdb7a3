export { readClusterSnapshot } from './readClusterSnapshot';
export { readVelero } from './readVelero';
export { includesNamespace, globIncludes } from './includesNamespace';
export type { VeleroReaderOptions } from './readVelero';
export { readCnpg } from './readCnpg';
export { readVolsync } from './readVolsync';
export { readFlux } from './readFlux';
export { readWorkload } from './readWorkload';
