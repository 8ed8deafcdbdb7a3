export { PitrWindow } from './PitrWindow';
