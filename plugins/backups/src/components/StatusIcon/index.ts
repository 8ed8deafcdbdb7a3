export { StatusIcon } from './StatusIcon';
