export { TierDrill } from './TierDrill';
