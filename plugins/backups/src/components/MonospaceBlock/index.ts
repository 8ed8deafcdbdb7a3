export { MonospaceBlock } from './MonospaceBlock';
