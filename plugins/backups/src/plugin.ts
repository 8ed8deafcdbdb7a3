import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';

import { rootRouteRef } from './routes';

export const backupsPlugin = createPlugin({
  id: 'backups',
  routes: {
    root: rootRouteRef,
  },
});

export const BackupsPage = backupsPlugin.provide(
  createRoutableExtension({
    name: 'BackupsPage',
    component: () =>
      import('./components/ExampleComponent').then(m => m.ExampleComponent),
    mountPoint: rootRouteRef,
  }),
);
