import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  backupsHistorySchema,
  type HistoryPoint,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import request from 'supertest';
import { backupsPlugin } from '../plugin';
import { HistoryStore } from './HistoryStore';

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

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const now = DateTime.utc().startOf('minute');
const url = '/api/backups/v1/entities/default/component/odoo/history';

function point(daysAgo: number, actual: number): HistoryPoint {
  return {
    at: now.minus({ days: daysAgo }).toISO()!,
    cluster: 'demo',
    tier: { kind: 'velero', name: 'odoo-daily' },
    status: actual <= 93600 ? 'healthy' : 'critical',
    rpoActualSeconds: actual,
    rpoTargetSeconds: 93600,
  };
}

/** Allows everything but the named permission. */
function permissionsDenying(name?: string) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result:
          r.permission.name === name
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
  }).factory;
}

async function startBackend(deny?: string, more: HistoryPoint[] = []) {
  const knex = await databases.init('SQLITE_3');
  const store = await HistoryStore.create({
    database: { getClient: async () => knex },
  });
  await store.record('component:default/odoo', [
    point(40, 3600),
    point(2, 3600),
    point(1, 200000),
    ...more,
  ]);
  const { server } = await startTestBackend({
    features: [
      backupsPlugin,
      catalogServiceMock.factory({ entities: [odoo] }),
      permissionsDenying(deny),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: {} }),
    ],
  });
  return server;
}

describe('GET /v1/entities/:namespace/:kind/:name/history', () => {
  it('answers the last 30 days by default, with the share of time each tier met its target', async () => {
    const server = await startBackend();
    const response = await request(server).get(
      url.replace('component', 'Component'),
    );
    expect(response.status).toBe(200);
    const history = backupsHistorySchema.parse(response.body);
    expect(history.entityRef).toBe('component:default/odoo');
    expect(history.intervalSeconds).toBe(900);
    expect(
      DateTime.fromISO(history.to).diff(DateTime.fromISO(history.from), 'days')
        .days,
    ).toBe(30);
    expect(history.items.map(p => p.rpoActualSeconds)).toEqual([3600, 200000]);
    // Each point stands for one interval: one met the target, one did not.
    expect(history.summary).toEqual([
      {
        cluster: 'demo',
        tier: { kind: 'velero', name: 'odoo-daily' },
        points: 2,
        observedSeconds: 1800,
        metSeconds: 900,
        share: 0.5,
      },
    ]);
    // No drill has run: no markers, whether or not drills are kept.
    expect(history.drills ?? []).toEqual([]);
  });

  it('answers the range asked for', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get(url)
      .query({
        from: now.minus({ days: 90 }).toISO(),
        to: now.minus({ days: 1, hours: 1 }).toISO(),
      });
    expect(response.status).toBe(200);
    expect(response.body.items.map((p: HistoryPoint) => p.at)).toEqual([
      point(40, 0).at,
      point(2, 0).at,
    ]);
  });

  it('merges a tier into at most maxPoints points, the worst RPO of each bucket, and sums up every recorded point', async () => {
    // Every 15 minutes for 5 days, one spike on day 3.
    const server = await startBackend(
      undefined,
      Array.from({ length: 5 * 96 }, (_, i) => ({
        ...point(0, i === 200 ? 500000 : 3600),
        at: now
          .minus({ days: 6 })
          .plus({ minutes: 15 * i })
          .toISO()!,
      })),
    );
    const all = await request(server).get(url);
    const merged = await request(server).get(url).query({ maxPoints: 20 });
    expect(merged.status).toBe(200);
    const history = backupsHistorySchema.parse(merged.body);
    expect(history.items.length).toBeLessThanOrEqual(20);
    expect(history.items.length).toBeGreaterThan(3);
    expect(history.bucketSeconds).toBe((30 * 86400) / 20);
    expect(history.items.map(p => p.rpoActualSeconds)).toContain(500000);
    expect(history.items.map(p => p.rpoActualSeconds)).toContain(200000);
    const times = history.items.map(p => p.at);
    expect([...times].sort()).toEqual(times);
    expect(history.summary).toEqual(all.body.summary);
    expect(all.body.items.length).toBe(5 * 96 + 2);
    expect(all.body.bucketSeconds).toBeUndefined();
  });

  it('answers a service principal', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get(url)
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
  });

  it('refuses a caller without backups.overview.read on the entity', async () => {
    const server = await startBackend('backups.overview.read');
    const response = await request(server).get(url);
    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('NotAllowedError');
  });

  it('rejects an unauthenticated caller', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get(url)
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });

  it('gives 404 for an unknown entity', async () => {
    const server = await startBackend();
    const response = await request(server).get(url.replace('odoo', 'nope'));
    expect(response.status).toBe(404);
  });

  it.each([
    [{ from: 'yesterday' }, /query: from: /],
    [{ to: '2026-13-01T00:00:00Z' }, /query: to: /],
    [{ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' }, /before/],
    [{ from: '2026-11-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, /before/],
    [{ from: '2025-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, /400 days/],
    [{ since: '2026-11-01T00:00:00Z' }, /since/],
    [{ maxPoints: '5' }, /query: maxPoints: /],
    [{ maxPoints: 'many' }, /query: maxPoints: /],
    [{ maxPoints: '100000' }, /query: maxPoints: /],
  ])('answers 400 for %j', async (query, message) => {
    const server = await startBackend();
    const response = await request(server).get(url).query(query);
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toMatch(message);
  });
});
