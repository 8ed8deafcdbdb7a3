/**
 * Types, schemas and permissions shared by the backups plugins.
 *
 * @packageDocumentation
 */
export * from './overviewSchema';
export * from './overviewTypes';
export * from './permissions';
export * from './annotations';
export * from './cron';
export * from './selectors';
export * from './duration';
export * from './findings';
export * from './restores';
export * from './drills';
export * from './history';
