import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// Runs the backups backend alone against the demo cluster. Start the simulator
// first (`yarn workspace @internal/kube-simulator start`), then `yarn start`
// here, and try:
//
//   curl http://localhost:7007/api/backups/v1/entities/default/component/odoo/overview
const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  mockServices.rootConfig.factory({
    data: {
      backend: { baseUrl: 'http://localhost:7007', listen: { port: 7007 } },
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'demo',
                url: 'http://127.0.0.1:8001',
                authProvider: 'serviceAccount',
                serviceAccountToken: 'simulator-token',
                skipTLSVerify: true,
              },
            ],
          },
        ],
      },
    },
  }),
);
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'odoo',
          namespace: 'default',
          annotations: {
            'backstage.io/kubernetes-namespace': 'business-system',
            'backstage.io/kubernetes-label-selector':
              'app.kubernetes.io/name=odoo',
          },
        },
        spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
      },
    ],
  }),
);
backend.add(import('../src'));

backend.start();
