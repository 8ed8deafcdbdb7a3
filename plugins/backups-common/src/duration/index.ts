export { isGoDuration, parseGoDuration } from './parseGoDuration';
