import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { backupsPermissions } from '@internal/plugin-backups-common';
import {
  backupsClusterStateExtensionPoint,
  type ClusterConnectionFactory,
} from '@internal/plugin-backups-node';
import { registerBackupsActions } from './actions/registerBackupsActions';
import { ClusterConnections } from './cluster/ClusterConnections';
import { setupDrills } from './drills/setupDrills';
import { setupHistory } from './history/setupHistory';
import { OwnerNotifier } from './notifications/OwnerNotifier';
import { readRestoreConfig } from './restores/restoreConfig';
import { RestoreService } from './restores/RestoreService';
import { RestoreStore } from './restores/RestoreStore';
import { createRouter } from './router';
import { BackupsOverviewService } from './service/BackupsOverviewService';
import { readVeleroOptions } from './service/readVeleroOptions';

/**
 * The backups backend plugin: the per-entity backup picture from Velero,
 * CloudNativePG, VolSync, Flux and External Secrets, and Velero restores.
 *
 * @public
 */
export const backupsPlugin = createBackendPlugin({
  pluginId: 'backups',
  register(env) {
    let connect: ClusterConnectionFactory | undefined;
    env.registerExtensionPoint(backupsClusterStateExtensionPoint, {
      setClusterConnectionFactory(factory) {
        if (connect)
          throw new Error(
            'backups: the cluster connection factory was set twice',
          );
        connect = factory;
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        actionsRegistry: actionsRegistryServiceRef,
        lifecycle: coreServices.lifecycle,
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        auditor,
        catalog,
        auth,
        database,
        scheduler,
        actionsRegistry,
        lifecycle,
        notifications,
      }) {
        permissionsRegistry.addPermissions(backupsPermissions);
        const connections = ClusterConnections.create({
          config,
          logger,
          connect,
        });
        // Caches warm in the background from the start, not on the first
        // request; each replica keeps its own.
        lifecycle.addStartupHook(() => connections.start());
        lifecycle.addShutdownHook(() => connections.stop());
        const notifier = OwnerNotifier.create({
          notifications,
          catalog,
          auth,
          logger,
        });
        const drillService = await setupDrills({
          config,
          logger,
          database,
          scheduler,
          catalog,
          auth,
          auditor,
          connections,
          notifier,
        });
        const overviewService = BackupsOverviewService.create({
          config,
          logger,
          catalog,
          auth,
          connections,
          drills: drillService,
        });
        const store = await RestoreStore.create({ database });
        lifecycle.addShutdownHook(() => store.close());
        const restoreService = RestoreService.create({
          catalog,
          auth,
          logger,
          store,
          clusters: connections.clusters,
          // Restores read the API server itself, never the cache.
          access: cluster => connections.liveConnection(cluster),
          // Listing the entity's restores only shows them: the cache.
          display: cluster => connections.connection(cluster).state,
          veleroNamespace: readVeleroOptions(config).namespace,
          config: readRestoreConfig(config),
          deadlineMs: connections.deadlineMs,
        });
        // Resumes suspended Flux objects and frees locks when restores end,
        // on whichever replica the scheduler picks, after restarts too.
        await scheduler.scheduleTask({
          id: 'backups-follow-restores',
          frequency: { seconds: 15 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 5 },
          fn: () => restoreService.followRequests(),
        });
        const historyService = await setupHistory({
          config,
          logger,
          database,
          scheduler,
          catalog,
          auth,
          overviewService,
          notifier,
          drills: drillService,
        });
        registerBackupsActions({
          actionsRegistry,
          permissions,
          auth,
          overviewService,
          restoreService,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            auth,
            permissions,
            auditor,
            overviewService,
            restoreService,
            historyService,
            drillService,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
