export { CnpgCard } from './CnpgCard';
