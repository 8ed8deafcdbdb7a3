import type {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OwnerNotifier } from '../notifications/OwnerNotifier';
import type { BackupsOverviewService } from '../service/BackupsOverviewService';
import { HistoryRecorder } from './HistoryRecorder';
import { HistoryService, type HistoryDrillSource } from './HistoryService';
import { readHistorySettings } from './historySettings';
import { HistoryStore } from './HistoryStore';

/** The id of the scheduler task that records history and tells owners of changes. */
export const HISTORY_TASK_ID = 'backups-record-history';

/**
 * The history store, the scheduled task that fills it (one replica at a
 * time runs it) and the service that answers from it.
 */
export async function setupHistory(options: {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  overviewService: BackupsOverviewService;
  notifier: OwnerNotifier;
  drills?: HistoryDrillSource;
}): Promise<HistoryService> {
  const { config, logger, database, scheduler, catalog, auth } = options;
  const settings = readHistorySettings(config);
  const store = await HistoryStore.create({ database });
  if (settings.enabled) {
    const recorder = HistoryRecorder.create({
      catalog,
      auth,
      logger,
      overviewService: options.overviewService,
      store,
      notifier: options.notifier,
      retention: settings.retention,
    });
    await scheduler.scheduleTask({
      id: HISTORY_TASK_ID,
      frequency: settings.interval,
      timeout: { minutes: 10 },
      initialDelay: settings.initialDelay,
      fn: () => recorder.run(),
    });
  }
  return HistoryService.create({
    store,
    catalog,
    auth,
    intervalSeconds: settings.intervalSeconds,
    drills: options.drills,
  });
}
