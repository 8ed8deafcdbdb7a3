export { backupsPlugin, BackupsPage } from './plugin';
