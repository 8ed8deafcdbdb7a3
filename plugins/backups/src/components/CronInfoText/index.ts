export { CronInfoText } from './CronInfoText';
