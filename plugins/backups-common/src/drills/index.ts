export * from './drillSchemas';
