export { readClusterSnapshot } from './readClusterSnapshot';
export { readVelero, includesNamespace } from './readVelero';
export type { VeleroReaderOptions } from './readVelero';
export { readCnpg } from './readCnpg';
export { readVolsync } from './readVolsync';
export { readFlux } from './readFlux';
export { readPvcs } from './readPvcs';
