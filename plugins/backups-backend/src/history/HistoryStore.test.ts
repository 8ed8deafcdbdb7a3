import type { HistoryPoint } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import {
  createTestDatabases,
  testDatabaseIds,
} from '../restores/__testUtils__/testDatabases';
import { HistoryStore } from './HistoryStore';

const databases = createTestDatabases();

async function storeOn(id: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(id);
  return HistoryStore.create({ database: { getClient: async () => knex } });
}

const odoo = 'component:default/odoo';
const day = (n: number) =>
  DateTime.fromISO('2026-11-01T00:00:00Z', { zone: 'utc' }).plus({ days: n });

function point(
  at: DateTime,
  overrides: Partial<HistoryPoint> = {},
): HistoryPoint {
  return {
    at: at.toISO()!,
    cluster: 'demo',
    tier: { kind: 'velero', name: 'odoo-daily' },
    status: 'healthy',
    rpoActualSeconds: 3600,
    rpoTargetSeconds: 93600,
    ...overrides,
  };
}

describe.each(testDatabaseIds())('HistoryStore on %s', id => {
  it('records points and lists an entity’s in a range, oldest first', async () => {
    const store = await storeOn(id);
    await store.record(odoo, [
      point(day(2), { rpoActualSeconds: 7200.4 }),
      point(day(2), {
        tier: { kind: 'cnpg', name: 'odoo-pg' },
        rpoActualSeconds: null,
      }),
    ]);
    await store.record(odoo, [point(day(1), { status: 'critical' })]);
    await store.record('component:default/other', [point(day(1))]);
    await store.record(odoo, [point(day(5))]);

    const listed = await store.list(odoo, { from: day(1), to: day(3) });
    expect(listed).toEqual([
      point(day(1), { status: 'critical' }),
      point(day(2), {
        tier: { kind: 'cnpg', name: 'odoo-pg' },
        rpoActualSeconds: null,
      }),
      point(day(2), { rpoActualSeconds: 7200 }),
    ]);
    expect(DateTime.fromISO(listed[0].at).toMillis()).toBe(day(1).toMillis());
  });

  it('prunes points recorded before the retention bound', async () => {
    const store = await storeOn(id);
    await store.record(odoo, [point(day(0)), point(day(10)), point(day(20))]);
    expect(await store.prune(day(10))).toBe(1);
    expect(
      (await store.list(odoo, { from: day(-1), to: day(30) })).map(p => p.at),
    ).toEqual([day(10).toISO(), day(20).toISO()]);
    expect(await store.prune(day(10))).toBe(0);
  });

  it('prunes the status of an entity not evaluated within retention', async () => {
    const store = await storeOn(id);
    await store.replaceEntityStatus(
      odoo,
      undefined,
      { status: 'healthy', knownStatus: 'healthy' },
      day(0),
    );
    await store.prune(day(1));
    expect(await store.getEntityStatus(odoo)).toBeUndefined();
  });

  it('replaces an entity’s status only when it is still the expected one', async () => {
    const store = await storeOn(id);
    const healthy = {
      status: 'healthy' as const,
      knownStatus: 'healthy' as const,
    };
    const critical = {
      status: 'critical' as const,
      knownStatus: 'critical' as const,
    };
    const unknown = {
      status: 'unknown' as const,
      knownStatus: 'critical' as const,
    };

    expect(
      await store.replaceEntityStatus(odoo, undefined, healthy, day(0)),
    ).toBe(true);
    // A second first evaluation (another replica) finds the row there.
    expect(
      await store.replaceEntityStatus(odoo, undefined, critical, day(0)),
    ).toBe(false);
    expect(await store.getEntityStatus(odoo)).toEqual(healthy);

    expect(
      await store.replaceEntityStatus(odoo, healthy, critical, day(1)),
    ).toBe(true);
    // The same change again, from a stale read: only one wins.
    expect(
      await store.replaceEntityStatus(odoo, healthy, critical, day(1)),
    ).toBe(false);
    expect(
      await store.replaceEntityStatus(odoo, critical, unknown, day(2)),
    ).toBe(true);
    expect(await store.getEntityStatus(odoo)).toEqual(unknown);
    expect(
      await store.replaceEntityStatus(
        odoo,
        { status: 'unknown' },
        healthy,
        day(3),
      ),
    ).toBe(false);
  });

  it('lets exactly one of concurrent evaluations move the status', async () => {
    const store = await storeOn(id);
    const healthy = {
      status: 'healthy' as const,
      knownStatus: 'healthy' as const,
    };
    await store.replaceEntityStatus(odoo, undefined, healthy, day(0));
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.replaceEntityStatus(
          odoo,
          healthy,
          { status: 'warning', knownStatus: 'warning' },
          day(1),
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
