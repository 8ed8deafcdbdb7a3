export { backupsPlugin as default } from './plugin';
