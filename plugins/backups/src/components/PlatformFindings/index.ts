export { PlatformFindings } from './PlatformFindings';
