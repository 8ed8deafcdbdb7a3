export * from './historySchemas';
export * from './keepWorstPerBucket';
