export { FINDING_CODES } from './findingCodes';
export type { FindingCode } from './findingCodes';
