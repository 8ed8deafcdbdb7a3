export { VeleroServerCard } from './VeleroServerCard';
