import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { healthyOverview } from '../__fixtures__/overviewFixtures';
import { BackupsClient } from './BackupsClient';

const server = setupServer();
const baseUrl = 'http://backstage.test/api/backups';
const entityRef = { kind: 'Component', namespace: 'default', name: 'odoo' };

describe('BackupsClient', () => {
  registerMswTestHooks(server);
  const client = new BackupsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('fetches and validates the overview of an entity', async () => {
    server.use(
      http.get(`${baseUrl}/v1/entities/default/Component/odoo/overview`, () =>
        HttpResponse.json(healthyOverview),
      ),
    );
    await expect(client.getOverview(entityRef)).resolves.toEqual(
      healthyOverview,
    );
  });

  it('throws a ResponseError that carries the backend error', async () => {
    server.use(
      http.get(`${baseUrl}/v1/entities/default/Component/odoo/overview`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No entity odoo' },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await client.getOverview(entityRef).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain('404');
    expect(error.cause.message).toContain('No entity odoo');
  });

  it('rejects an answer that breaks the contract', async () => {
    server.use(
      http.get(`${baseUrl}/v1/entities/default/Component/odoo/overview`, () =>
        HttpResponse.json({ entityRef: 'component:default/odoo' }),
      ),
    );
    await expect(client.getOverview(entityRef)).rejects.toThrow();
  });
});
