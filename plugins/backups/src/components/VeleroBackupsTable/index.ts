export { VeleroBackupsTable } from './VeleroBackupsTable';
