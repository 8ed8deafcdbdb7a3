import { DateTime } from 'luxon';
import {
  createTestDatabases,
  testDatabaseIds,
} from './__testUtils__/testDatabases';
import { RestoreRequestRecord, RestoreStore } from './RestoreStore';

const databases = createTestDatabases();

async function storeOn(id: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(id);
  return RestoreStore.create({ database: { getClient: async () => knex } });
}

function request(
  overrides: Partial<RestoreRequestRecord> = {},
): RestoreRequestRecord {
  return {
    id: 'req-1',
    idempotencyKey: 'key-00000001',
    entityRef: 'component:default/odoo',
    cluster: 'demo',
    namespace: 'velero',
    restoreName: 'odoo-daily-r-1',
    targetNamespace: 'business-system-restore',
    requestedBy: 'user:default/alice',
    requestedAt: '2026-11-30T10:00:00.000Z',
    planId: 'plan-1',
    planHash: 'hash',
    outcome: 'created',
    suspensions: [
      { kind: 'Kustomization', namespace: 'flux-system', name: 'odoo' },
    ],
    ...overrides,
  };
}

describe.each(testDatabaseIds())('RestoreStore on %s', id => {
  it('keeps plans until they expire', async () => {
    const store = await storeOn(id);
    const expiresAt = DateTime.fromISO('2026-11-30T10:15:00Z');
    await store.savePlan({
      plan: {
        id: 'plan-1',
        entityRef: 'component:default/odoo',
        cluster: 'demo',
        hash: 'h',
      } as any,
      request: { backupName: 'odoo-daily-1' },
      requestedBy: 'user:default/alice',
      expiresAt,
    });
    const stored = await store.getPlan('plan-1');
    expect(stored).toMatchObject({
      request: { backupName: 'odoo-daily-1' },
      requestedBy: 'user:default/alice',
    });
    expect(stored!.expiresAt.toMillis()).toBe(expiresAt.toMillis());
    expect(
      await store.deleteExpiredPlans(expiresAt.minus({ minutes: 1 })),
    ).toBe(0);
    expect(await store.deleteExpiredPlans(expiresAt.plus({ minutes: 1 }))).toBe(
      1,
    );
    expect(await store.getPlan('plan-1')).toBeUndefined();
  });

  it('records a request once per entity and Idempotency-Key', async () => {
    const store = await storeOn(id);
    expect(await store.insertRequest(request())).toBe(true);
    expect(await store.insertRequest(request({ id: 'req-2' }))).toBe(false);
    expect(
      await store.findRequest('component:default/odoo', 'key-00000001'),
    ).toMatchObject({
      id: 'req-1',
      suspensions: [
        { kind: 'Kustomization', namespace: 'flux-system', name: 'odoo' },
      ],
    });
  });

  it('holds one in-flight lock per entity and target, across callers', async () => {
    const store = await storeOn(id);
    expect(
      await store.lock('component:default/odoo', 'demo', 'ns-restore', 'a'),
    ).toBeUndefined();
    expect(
      await store.lock('component:default/odoo', 'demo', 'ns-restore', 'b'),
    ).toBe('a');
    expect(
      await store.lock('component:default/odoo', 'demo', 'other', 'c'),
    ).toBeUndefined();
    await store.unlock('a');
    expect(
      await store.lock('component:default/odoo', 'demo', 'ns-restore', 'b'),
    ).toBeUndefined();
  });

  it('lists open requests until they are finished', async () => {
    const store = await storeOn(id);
    await store.insertRequest(request());
    expect((await store.openRequests()).map(r => r.id)).toEqual(['req-1']);
    await store.updateRequest('req-1', {
      resumedAt: '2026-11-30T10:05:00.000Z',
      finishedAt: '2026-11-30T10:05:00.000Z',
      finalPhase: 'Completed',
    });
    expect(await store.openRequests()).toEqual([]);
    expect(await store.getRequest('req-1')).toMatchObject({
      finalPhase: 'Completed',
      resumedAt: '2026-11-30T10:05:00.000Z',
    });
  });
});
