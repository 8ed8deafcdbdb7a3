export { RestoreRequested } from './RestoreRequested';
export { RestoresTable } from './RestoresTable';
