import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { backupsPlugin, EntityBackupsContent } from '../src/plugin';

// Runs the tab alone against the backups backend (packages/backend or
// plugins/backups-backend/dev) at the app-config's backend.baseUrl.
const odoo: Entity = {
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
  spec: { type: 'service', lifecycle: 'production', owner: 'group:sre' },
};

createDevApp()
  .registerPlugin(backupsPlugin)
  .addPage({
    element: (
      <EntityProvider entity={odoo}>
        <EntityBackupsContent />
      </EntityProvider>
    ),
    title: 'Odoo backups',
    path: '/backups',
  })
  .render();
