export { DataSources } from './DataSources';
