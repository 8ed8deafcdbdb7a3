import {
  createTestDatabases,
  testDatabaseIds,
} from '../restores/__testUtils__/testDatabases';
import { DrillRecord, DrillStore } from './DrillStore';

const databases = createTestDatabases();

async function storeOn(id: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(id);
  return DrillStore.create({ database: { getClient: async () => knex } });
}

function drill(overrides: Partial<DrillRecord> = {}): DrillRecord {
  return {
    id: 'drill-1',
    entityRef: 'component:default/odoo',
    cluster: 'demo',
    namespace: 'business-system',
    tier: { kind: 'velero', name: 'odoo-daily' },
    trigger: 'manual',
    requestedBy: 'user:default/alice',
    idempotencyKey: 'key-00000001',
    createdAt: '2026-12-02T10:00:00.000Z',
    outcome: 'running',
    step: 'queued',
    state: {},
    ...overrides,
  };
}

describe.each(testDatabaseIds())('DrillStore on %s', id => {
  it('refuses a second drill with a used id (a plan run twice) as a conflict, and keeps the first', async () => {
    const store = await storeOn(id);
    expect(await store.insert(drill())).toBe(true);
    await expect(
      store.insert(drill({ idempotencyKey: 'key-00000002' })),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: 'Plan drill-1 has been run already; plan the drill again',
    });
    expect(await store.get('drill-1')).toMatchObject({
      idempotencyKey: 'key-00000001',
    });
    expect(
      await store.findByKey('component:default/odoo', 'key-00000002'),
    ).toBeUndefined();
  });

  it('records a drill once per entity and key, and keeps every field it is given', async () => {
    const store = await storeOn(id);
    expect(await store.insert(drill())).toBe(true);
    expect(await store.insert(drill({ id: 'drill-2' }))).toBe(false);
    await store.update('drill-1', {
      step: 'waiting',
      startedAt: '2026-12-02T10:00:05.000Z',
      deadlineAt: '2026-12-02T10:30:05.000Z',
      source: 'odoo-daily-20261202030000',
      target: 'business-system-drill-1',
      recoveryPoint: '2026-12-02T03:00:00.000Z',
      checks: [{ kind: 'Restore', name: 'r', ready: false, detail: 'New' }],
      state: { restoreName: 'backups-drill-1' },
    });
    expect(
      await store.findByKey('component:default/odoo', 'key-00000001'),
    ).toEqual(
      drill({
        step: 'waiting',
        startedAt: '2026-12-02T10:00:05.000Z',
        deadlineAt: '2026-12-02T10:30:05.000Z',
        source: 'odoo-daily-20261202030000',
        target: 'business-system-drill-1',
        recoveryPoint: '2026-12-02T03:00:00.000Z',
        checks: [{ kind: 'Restore', name: 'r', ready: false, detail: 'New' }],
        state: { restoreName: 'backups-drill-1' },
      }),
    );
  });

  it('sets an outcome once, whoever tries again', async () => {
    const store = await storeOn(id);
    await store.insert(drill());
    const outcome = {
      outcome: 'passed' as const,
      step: 'cleaning-up' as const,
      finishedAt: '2026-12-02T10:04:00.000Z',
      rtoSeconds: 212.5,
    };
    expect(await store.finish('drill-1', outcome)).toBe(true);
    expect(
      await store.finish('drill-1', { ...outcome, outcome: 'failed' }),
    ).toBe(false);
    expect(await store.get('drill-1')).toMatchObject({
      outcome: 'passed',
      rtoSeconds: 212.5,
      finishedAt: '2026-12-02T10:04:00.000Z',
    });
  });

  it('holds one running slot per entity and tier', async () => {
    const store = await storeOn(id);
    const first = drill();
    const second = drill({ id: 'drill-2', idempotencyKey: 'key-00000002' });
    const otherTier = drill({
      id: 'drill-3',
      idempotencyKey: 'key-00000003',
      tier: { kind: 'cnpg', name: 'odoo-pg' },
    });
    expect(await store.lock(first)).toBeUndefined();
    expect(await store.lock(second)).toBe('drill-1');
    expect(await store.lock(otherTier)).toBeUndefined();
    await store.unlock('drill-1');
    expect(await store.lock(second)).toBeUndefined();
  });

  it('lists open drills oldest first, an entity’s newest first, and prunes finished ones past retention', async () => {
    const store = await storeOn(id);
    await store.insert(
      drill({
        id: 'old',
        idempotencyKey: 'key-old-0001',
        createdAt: '2025-01-01T00:00:00.000Z',
        step: 'done',
        outcome: 'passed',
        finishedAt: '2025-01-01T00:05:00.000Z',
      }),
    );
    await store.insert(
      drill({
        id: 'mid',
        idempotencyKey: 'key-mid-0001',
        createdAt: '2026-12-01T00:00:00.000Z',
        step: 'done',
        outcome: 'failed',
        finishedAt: '2026-12-01T00:05:00.000Z',
      }),
    );
    await store.insert(
      drill({
        id: 'new',
        idempotencyKey: 'key-new-0001',
        createdAt: '2026-12-02T00:00:00.000Z',
        step: 'waiting',
      }),
    );
    expect((await store.open()).map(r => r.id)).toEqual(['new']);
    expect(
      (await store.forEntity('component:default/odoo')).map(r => r.id),
    ).toEqual(['new', 'mid', 'old']);
    expect(
      (
        await store.newestOf('component:default/odoo', 'demo', {
          kind: 'velero',
          name: 'odoo-daily',
        })
      )?.id,
    ).toBe('new');
    expect(
      (
        await store.finishedBetween(
          'component:default/odoo',
          new Date('2026-11-01T00:00:00Z'),
          new Date('2026-12-31T00:00:00Z'),
        )
      ).map(r => r.id),
    ).toEqual(['mid']);
    expect(await store.prune(new Date('2026-06-01T00:00:00Z'))).toBe(1);
    expect(
      (await store.forEntity('component:default/odoo')).map(r => r.id),
    ).toEqual(['new', 'mid']);
  });
});
