import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { drillPlan } from '../__fixtures__/drillFixtures';
import { historyAnswer } from '../__fixtures__/historyFixtures';
import { healthyOverview } from '../__fixtures__/overviewFixtures';
import { restoreItem, restorePlan } from '../__fixtures__/restoreFixtures';
import {
  backendError,
  baseUrl,
  odooUrl,
} from '../__testUtils__/renderBackupsTab';
import { BackupsClient } from './BackupsClient';

const server = setupServer();
const entityUrl = odooUrl;
const entityRef = { kind: 'Component', namespace: 'default', name: 'odoo' };

describe('BackupsClient', () => {
  registerMswTestHooks(server);
  const client = new BackupsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('fetches and validates the overview of an entity', async () => {
    server.use(
      http.get(`${entityUrl}/overview`, () =>
        HttpResponse.json(healthyOverview),
      ),
    );
    await expect(client.getOverview(entityRef)).resolves.toEqual(
      healthyOverview,
    );
  });

  it('throws a ResponseError that carries the backend error', async () => {
    server.use(
      http.get(`${entityUrl}/overview`, () =>
        backendError(404, 'NotFoundError', 'No entity odoo'),
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
      http.get(`${entityUrl}/overview`, () =>
        HttpResponse.json({ entityRef: 'component:default/odoo' }),
      ),
    );
    await expect(client.getOverview(entityRef)).rejects.toThrow();
  });

  it('posts a restore plan request and parses the plan', async () => {
    let body: unknown;
    server.use(
      http.post(`${entityUrl}/restore-plans`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(restorePlan());
      }),
    );
    const request = {
      backupName: 'odoo-daily-20261123030000',
      targetNamespace: 'business-system',
      existingResourcePolicy: 'none' as const,
    };
    await expect(client.planRestore(entityRef, request)).resolves.toEqual(
      restorePlan(),
    );
    expect(body).toEqual(request);
  });

  it('sends the idempotency key with the plan id and hash', async () => {
    const seen: Array<{ key: string | null; body: unknown }> = [];
    server.use(
      http.post(`${entityUrl}/restores`, async ({ request }) => {
        seen.push({
          key: request.headers.get('Idempotency-Key'),
          body: await request.json(),
        });
        return HttpResponse.json(
          { cluster: 'demo', namespace: 'velero', name: 'r-1', phase: 'New' },
          { status: 201 },
        );
      }),
    );
    await expect(
      client.createRestore(
        entityRef,
        { planId: 'plan-1', planHash: 'hash-1' },
        'key-12345678',
      ),
    ).resolves.toEqual({
      cluster: 'demo',
      namespace: 'velero',
      name: 'r-1',
      phase: 'New',
    });
    expect(seen).toEqual([
      { key: 'key-12345678', body: { planId: 'plan-1', planHash: 'hash-1' } },
    ]);
  });

  it('surfaces a 409 with the server message', async () => {
    server.use(
      http.post(`${entityUrl}/restores`, () =>
        backendError(409, 'ConflictError', 'The cluster changed; plan again'),
      ),
    );
    const error = await client
      .createRestore(entityRef, { planId: 'p', planHash: 'h' }, 'key-1234567')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe('The cluster changed; plan again');
  });

  it('lists the restores made through Backstage', async () => {
    server.use(
      http.get(`${entityUrl}/restores`, () =>
        HttpResponse.json({ items: [restoreItem()] }),
      ),
    );
    await expect(client.listRestores(entityRef)).resolves.toEqual({
      items: [restoreItem()],
    });
  });

  it('reads a log as text, naming the cluster', async () => {
    let cluster: string | null = null;
    server.use(
      http.get(`${entityUrl}/restores/odoo-r-1/logs`, ({ request }) => {
        cluster = new URL(request.url).searchParams.get('cluster');
        return HttpResponse.text('level=info msg="restore completed"');
      }),
    );
    await expect(
      client.getLogs(entityRef, {
        kind: 'restore',
        name: 'odoo-r-1',
        cluster: 'demo',
      }),
    ).resolves.toBe('level=info msg="restore completed"');
    expect(cluster).toBe('demo');
  });

  it('turns a refused log into a ResponseError', async () => {
    server.use(
      http.get(`${entityUrl}/backups/odoo-b-1/logs`, () =>
        backendError(403, 'NotAllowedError', 'Not allowed'),
      ),
    );
    const error = await client
      .getLogs(entityRef, { kind: 'backup', name: 'odoo-b-1', cluster: 'demo' })
      .catch(e => e);
    expect(error.statusCode).toBe(403);
  });
  it('asks for the history of a range and parses it', async () => {
    let query: Record<string, string> = {};
    server.use(
      http.get(`${entityUrl}/history`, ({ request }) => {
        query = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json(historyAnswer());
      }),
    );
    const range = {
      from: '2026-10-31T12:00:00.000Z',
      to: '2026-11-30T12:00:00.000Z',
    };
    await expect(client.getHistory(entityRef, range)).resolves.toEqual(
      historyAnswer(),
    );
    expect(query).toEqual(range);
    await client.getHistory(entityRef, { ...range, maxPoints: 400 });
    expect(query).toEqual({ ...range, maxPoints: '400' });
  });

  it('rejects a history that breaks the contract', async () => {
    server.use(
      http.get(`${entityUrl}/history`, () =>
        HttpResponse.json({ items: [{ at: 'now' }] }),
      ),
    );
    await expect(
      client.getHistory(entityRef, { from: 'a', to: 'b' }),
    ).rejects.toThrow();
  });
  it('posts a drill plan request and parses the plan', async () => {
    let body: unknown;
    server.use(
      http.post(`${entityUrl}/drill-plans`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(drillPlan());
      }),
    );
    const request = {
      tier: { kind: 'velero' as const, name: 'odoo-daily' },
      cluster: 'demo',
    };
    await expect(client.planDrill(entityRef, request)).resolves.toEqual(
      drillPlan(),
    );
    expect(body).toEqual(request);
  });

  it('surfaces a refused drill plan with the server message', async () => {
    server.use(
      http.post(`${entityUrl}/drill-plans`, () =>
        backendError(409, 'ConflictError', 'Drills are off for this entity'),
      ),
    );
    const error = await client
      .planDrill(entityRef, { tier: { kind: 'velero', name: 'odoo-daily' } })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe('Drills are off for this entity');
  });

  it('rejects a drill plan that breaks the contract', async () => {
    server.use(
      http.post(`${entityUrl}/drill-plans`, () =>
        HttpResponse.json({ ...drillPlan(), id: 'not-a-uuid' }),
      ),
    );
    await expect(client.planDrill(entityRef, {})).rejects.toThrow();
  });

  it('queues a drill with its Idempotency-Key, and lists drills', async () => {
    let body: unknown;
    let key: string | null = null;
    server.use(
      http.post(`${entityUrl}/drills`, async ({ request }) => {
        body = await request.json();
        key = request.headers.get('Idempotency-Key');
        return HttpResponse.json(
          { id: 'd1', status: 'running' },
          { status: 202 },
        );
      }),
      http.get(`${entityUrl}/drills`, () =>
        HttpResponse.json({
          items: [
            {
              id: 'd1',
              cluster: 'demo',
              tier: { kind: 'velero', name: 'odoo-daily' },
              trigger: 'manual',
              startedAt: '2026-12-02T10:00:00Z',
              outcome: 'running',
              step: 'waiting',
            },
          ],
        }),
      ),
    );
    await expect(
      client.runDrill(
        entityRef,
        {
          tier: { kind: 'velero', name: 'odoo-daily' },
          cluster: 'demo',
          planId: drillPlan().id,
        },
        'drill-key-1234',
      ),
    ).resolves.toEqual({ id: 'd1', status: 'running' });
    expect(body).toEqual({
      tier: { kind: 'velero', name: 'odoo-daily' },
      cluster: 'demo',
      planId: drillPlan().id,
    });
    expect(key).toBe('drill-key-1234');
    expect((await client.listDrills(entityRef)).items[0]).toMatchObject({
      id: 'd1',
      step: 'waiting',
    });
  });
});
