import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Entity } from '@backstage/catalog-model';
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
const website: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'odoo-website', namespace: 'default' },
  spec: { type: 'website', owner: 'erp-team', lifecycle: 'production' },
};

async function startBackend(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      backupsPlugin,
      catalogServiceMock.factory({ entities: [odoo, website] }),
      mockServices.permissions.factory({ result: permission }),
      // No cluster: these tests are about the HTTP contract, not the cluster.
      mockServices.rootConfig.factory({ data: {} }),
    ],
  });
  return server;
}

describe('GET /v1/entities/:namespace/:kind/:name/overview', () => {
  it('answers for a user, with the kind case-insensitive', async () => {
    const server = await startBackend();
    for (const kind of ['component', 'Component', 'COMPONENT']) {
      const response = await request(server).get(
        `/api/backups/v1/entities/default/${kind}/odoo/overview`,
      );
      expect(response.status).toBe(200);
      expect(response.body.entityRef).toBe('component:default/odoo');
    }
  });

  it('answers for a service principal', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/backups/v1/entities/default/component/odoo/overview')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
  });

  it('rejects an unauthenticated caller', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/backups/v1/entities/default/component/odoo/overview')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });

  it('gives 404 for an unknown entity', async () => {
    const server = await startBackend();
    const response = await request(server).get(
      '/api/backups/v1/entities/default/component/nope/overview',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No entity component:default/nope',
    );
  });

  it('gives 400 naming the bad parameter', async () => {
    const server = await startBackend();
    const response = await request(server).get(
      '/api/backups/v1/entities/default/comp%20onent/odoo/overview',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /kind: kind must be a valid entity kind/,
    );
  });

  it('gives 403 when the backups read permission is denied', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const response = await request(server).get(
      '/api/backups/v1/entities/default/component/odoo/overview',
    );
    expect(response.status).toBe(403);
  });

  it('answers 200 with an explanatory error when the namespace annotation is missing', async () => {
    const server = await startBackend();
    const response = await request(server).get(
      '/api/backups/v1/entities/default/component/odoo-website/overview',
    );
    expect(response.status).toBe(200);
    expect(response.body.clusters).toEqual([]);
    expect(response.body.status).toBe('unknown');
    expect(response.body.errors[0]).toMatchObject({
      reason: 'NotConfigured',
      message: expect.stringMatching(/backstage.io\/kubernetes-namespace/),
    });
  });

  it('says when no cluster is configured', async () => {
    const server = await startBackend();
    const response = await request(server).get(
      '/api/backups/v1/entities/default/component/odoo/overview',
    );
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        source: 'kubernetes',
        message:
          'No cluster is configured under kubernetes.clusterLocatorMethods',
      }),
    ]);
  });
});
