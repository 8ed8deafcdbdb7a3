export { VolsyncCard } from './VolsyncCard';
