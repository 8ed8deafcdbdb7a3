import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockFetchApi,
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { HttpResponse } from 'msw';
import { backupsApiRef, BackupsClient } from '../api';
import { EntityBackupsContent } from '../components/EntityBackupsContent';

export const baseUrl = 'http://backstage.test/api/backups';
/** The entity routes of Odoo, as the client calls them. */
export const odooUrl = `${baseUrl}/v1/entities/default/Component/odoo`;

export const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'odoo',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-namespace': 'business-system',
      'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=odoo',
    },
  },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

/** An error as Backstage's error handler sends it. */
export function backendError(status: number, name: string, message: string) {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
    { status },
  );
}

/**
 * The Backups tab of an entity, talking to the backend through msw; the
 * permission API allows everything unless given another.
 */
export async function renderBackupsTab(
  entity: Entity = odoo,
  permissionApi = new MockPermissionApi(),
) {
  const discoveryApi = { getBaseUrl: async () => baseUrl };
  const fetchApi = new MockFetchApi();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [backupsApiRef, new BackupsClient({ discoveryApi, fetchApi })],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityBackupsContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}
