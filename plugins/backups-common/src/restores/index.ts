export * from './restoreSchemas';
