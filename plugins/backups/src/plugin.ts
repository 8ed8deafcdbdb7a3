import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { backupsApiRef, BackupsClient } from './api';
import { rootRouteRef } from './routes';

/** The Backups plugin for the legacy frontend system. */
export const backupsPlugin = createPlugin({
  id: 'backups',
  apis: [
    createApiFactory({
      api: backupsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BackupsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    entityContent: rootRouteRef,
  },
});

/** The Backups tab content, for an `EntityLayout.Route`. */
export const EntityBackupsContent = backupsPlugin.provide(
  createRoutableExtension({
    name: 'EntityBackupsContent',
    component: () =>
      import('./components/EntityBackupsContent').then(
        m => m.EntityBackupsContent,
      ),
    mountPoint: rootRouteRef,
  }),
);
