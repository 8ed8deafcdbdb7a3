export { VeleroSchedulesTable } from './VeleroSchedulesTable';
