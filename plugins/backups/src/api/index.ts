export { backupsApiRef } from './BackupsApi';
export type { BackupsApi, LogTarget } from './BackupsApi';
export { BackupsClient } from './BackupsClient';
