/**
 * Scaffolder actions of Backups for Backstage.
 *
 * @packageDocumentation
 */
export { scaffolderModuleBackups as default } from './module';
export { createVeleroGenerateAction } from './actions/createVeleroGenerateAction';
