/**
 * The Backups tab: whether an app on Kubernetes can really be restored, and to when.
 *
 * @packageDocumentation
 */
export { backupsPlugin, EntityBackupsContent } from './plugin';
export { isBackupsAvailable } from './isBackupsAvailable';
export { backupsApiRef, BackupsClient } from './api';
export type { BackupsApi } from './api';
export * from './scaffolder';
