/**
 * The backups backend's performance benchmark (`yarn bench`).
 *
 * @packageDocumentation
 */
export { runScale } from './runScale';
export type { ScaleResult } from './runScale';
export { ciCheck } from './ciCheck';
export { renderTab } from './renderTab';
export { SimulatorProcess } from './SimulatorProcess';
