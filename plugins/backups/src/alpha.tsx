/**
 * The Backups plugin for the new frontend system.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { backupsApiRef, BackupsClient } from './api';
import { isBackupsAvailable } from './isBackupsAvailable';

/** The backups API, backed by {@link BackupsClient}. */
export const backupsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: backupsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BackupsClient({ discoveryApi, fetchApi }),
    }),
});

/** The Backups tab on entity pages that carry the Kubernetes namespace annotation. */
export const backupsEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/backups',
    title: 'Backups',
    filter: isBackupsAvailable,
    loader: () =>
      import('./components/EntityBackupsContent').then(m => (
        <m.EntityBackupsContent />
      )),
  },
});

export default createFrontendPlugin({
  pluginId: 'backups',
  extensions: [backupsApi, backupsEntityContent],
});
