export { VeleroLocationsCard } from './VeleroLocationsCard';
