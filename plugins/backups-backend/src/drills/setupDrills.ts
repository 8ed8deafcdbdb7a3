import type {
  AuditorService,
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ClusterConnections } from '../cluster/ClusterConnections';
import { readRestoreConfig } from '../restores/restoreConfig';
import { readVerdictConfig } from '../service/readVerdictConfig';
import { readVeleroOptions } from '../service/readVeleroOptions';
import { readDrillConfig } from './drillConfig';
import { DrillJanitor } from './DrillJanitor';
import { DrillScheduler } from './DrillScheduler';
import { DrillFailureListener, DrillService } from './DrillService';
import { DrillStore } from './DrillStore';

/** The scheduler task that advances running drills; triggered when one is requested. */
export const ADVANCE_DRILLS_TASK_ID = 'backups-advance-drills';

/**
 * The drill store, the drill service, and their scheduler tasks (each run
 * by one replica at a time, resumed after a restart): advancing running
 * drills, queuing the scheduled ones, and the janitor.
 */
export async function setupDrills(options: {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  auditor: AuditorService;
  connections: ClusterConnections;
  notifier?: DrillFailureListener;
}): Promise<DrillService> {
  const { config, logger, scheduler, catalog, auth, auditor, connections } =
    options;
  const drillConfig = readDrillConfig(config);
  const store = await DrillStore.create({ database: options.database });
  const velero = readVeleroOptions(config);
  const verdict = readVerdictConfig(config);
  const service = DrillService.create({
    config: drillConfig,
    restoreConfig: readRestoreConfig(config),
    store,
    catalog,
    auth,
    logger,
    auditor,
    connections,
    velero,
    verdict,
    notifier: options.notifier,
    wake: () => scheduler.triggerTask(ADVANCE_DRILLS_TASK_ID),
  });
  if (!drillConfig.enabled) return service;
  await scheduler.scheduleTask({
    id: ADVANCE_DRILLS_TASK_ID,
    frequency: { seconds: drillConfig.intervalSeconds },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 2 },
    fn: () => service.advance(),
  });
  const drillScheduler = new DrillScheduler({
    config: drillConfig,
    service,
    store,
    catalog,
    auth,
    logger,
    connections,
    velero,
    verdict,
  });
  await scheduler.scheduleTask({
    id: 'backups-schedule-drills',
    frequency: { minutes: 5 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
    fn: () => drillScheduler.queueDue(),
  });
  const janitor = new DrillJanitor({
    config: drillConfig,
    store,
    connections,
    logger,
    auditor,
  });
  await scheduler.scheduleTask({
    id: 'backups-drill-janitor',
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 2 },
    fn: () => janitor.sweep(),
  });
  return service;
}
