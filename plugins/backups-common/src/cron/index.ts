export type {
  CronDialect,
  CronParseResult,
  CronSchedule,
} from './CronSchedule';
export {
  CNPG_CRON_DIALECT,
  VELERO_CRON_DIALECT,
  VOLSYNC_CRON_DIALECT,
} from './CronSchedule';
export { parseCron } from './parseCron';
export { cronLongestIntervalSeconds, cronNextRun } from './cronTimes';
export { describeCron } from './describeCron';
