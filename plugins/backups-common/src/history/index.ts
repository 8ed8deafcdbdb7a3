export * from './historySchemas';
