/**
 * The permission policy of Backups for Backstage.
 *
 * @packageDocumentation
 */
export { permissionModuleBackupsPolicy as default } from './module';
export { BackupsPermissionPolicy } from './BackupsPermissionPolicy';
