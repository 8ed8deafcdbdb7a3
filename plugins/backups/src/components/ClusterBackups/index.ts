export { ClusterBackups } from './ClusterBackups';
