import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  backupsClusterStateExtensionPoint,
  ClusterState,
} from '@internal/plugin-backups-node';
import request from 'supertest';
import { backupsPlugin } from './plugin';

const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'odoo',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-namespace': 'business-system' },
  },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

describe('backupsClusterStateExtensionPoint', () => {
  it('lets a backend module replace how the plugin reads its clusters', async () => {
    const listed: string[] = [];
    const state: ClusterState = {
      clusterName: 'elsewhere',
      async list(resource, options) {
        listed.push(
          `${resource.plural}${
            options?.namespace ? `@${options.namespace}` : ''
          }`,
        );
        return [];
      },
    };
    const module = createBackendModule({
      pluginId: 'backups',
      moduleId: 'test-cluster-state',
      register(reg) {
        reg.registerInit({
          deps: { clusterState: backupsClusterStateExtensionPoint },
          async init({ clusterState }) {
            clusterState.setClusterConnectionFactory((_cluster, defaults) => ({
              ...defaults(),
              state,
            }));
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        backupsPlugin,
        module,
        catalogServiceMock.factory({ entities: [odoo] }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    { name: 'elsewhere', url: 'https://unreachable.invalid' },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    const res = await request(server).get(
      '/api/backups/v1/entities/default/component/odoo/overview',
    );
    expect(res.status).toBe(200);
    expect(listed).toEqual(
      expect.arrayContaining([
        'schedules@velero',
        'persistentvolumeclaims@business-system',
      ]),
    );
  });
});
