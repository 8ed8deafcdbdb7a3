export { RestoresTable } from './RestoresTable';
