import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { KubeSimulator } from '@internal/kube-simulator';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import request from 'supertest';

// The demo cluster must be faithful enough for Backstage's own Kubernetes
// backend, unchanged, to read the Odoo workload from it.
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
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

describe('kubernetes-backend against the simulator', () => {
  let simulator: KubeSimulator;

  beforeAll(async () => {
    simulator = await KubeSimulator.start({ port: 0, scenario: 'healthy' });
  });
  afterAll(() => simulator.stop());

  it('lists the Odoo pods, deployment and PVC-backed workload', async () => {
    const { server } = await startTestBackend({
      features: [
        kubernetesPlugin,
        catalogServiceMock.factory({ entities: [odoo] }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'demo',
                      url: simulator.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: simulator.token,
                      skipTLSVerify: true,
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });

    const response = await request(server)
      .post('/api/kubernetes/services/odoo')
      .send({ entity: odoo });

    expect(response.status).toBe(200);
    const [cluster] = response.body.items;
    expect(cluster.cluster.name).toBe('demo');
    expect(cluster.errors).toEqual([]);
    const byType = Object.fromEntries(
      cluster.resources.map((r: { type: string; resources: unknown[] }) => [
        r.type,
        r.resources,
      ]),
    );
    const names = (type: string) =>
      (byType[type] ?? []).map(
        (o: { metadata: { name: string } }) => o.metadata.name,
      );
    expect(names('deployments')).toContain('odoo');
    expect(names('pods').some((n: string) => n.startsWith('odoo-'))).toBe(true);
  });
});
