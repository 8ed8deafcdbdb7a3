export { readClusterSnapshot } from './readClusterSnapshot';
export { readVelero } from './readVelero';
export { includesNamespace } from './includesNamespace';
export { scheduleLabelValue } from './scheduleLabelValue';
export type { VeleroReaderOptions } from './readVelero';
export { readCnpg } from './readCnpg';
export { readVolsync } from './readVolsync';
export { readFlux } from './readFlux';
export { readPvcs } from './readPvcs';
