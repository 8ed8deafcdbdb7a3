import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { backupsPermissions } from '@internal/plugin-backups-common';
import { createRouter } from './router';
import { BackupsOverviewService } from './service/BackupsOverviewService';

/**
 * The backups backend plugin: the per-entity backup picture from Velero,
 * CloudNativePG, VolSync, Flux and External Secrets.
 *
 * @public
 */
export const backupsPlugin = createBackendPlugin({
  pluginId: 'backups',
  register(env) {
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
      }) {
        permissionsRegistry.addPermissions(backupsPermissions);
        const overviewService = BackupsOverviewService.create({
          config,
          logger,
          catalog,
          auth,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            auditor,
            overviewService,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
