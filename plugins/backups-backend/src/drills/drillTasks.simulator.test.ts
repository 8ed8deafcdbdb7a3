import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../restores/__testUtils__/testDatabases';
import { readVerdictConfig } from '../service/readVerdictConfig';
import { readVeleroOptions } from '../service/readVeleroOptions';
import { odooWith, startDrillHarness } from './__testUtils__/drillHarness';
import { readDrillConfig } from './drillConfig';
import { DrillJanitor } from './DrillJanitor';
import { DrillScheduler, lastTick } from './DrillScheduler';

const databases = createTestDatabases();
jest.setTimeout(60_000);

describe('the drill scheduler and janitor tasks', () => {
  let h: Awaited<ReturnType<typeof startDrillHarness>>;
  afterEach(() => h?.stop());

  it('queues one drill per tick for each tier a policy schedules, on any replica', async () => {
    h = await startDrillHarness({
      knex: await databases.init('SQLITE_3'),
      entity: odooWith({
        'backups.backstage.io/drill-policy':
          'schedule=0 4 * * 1; tiers=velero,cnpg',
      }),
    });
    const now = new Date('2026-12-02T12:00:00Z');
    const scheduler = () =>
      new DrillScheduler({
        config: readDrillConfig(h.config),
        service: h.replica(),
        store: h.store,
        catalog: h.catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        connections: h.connections,
        velero: readVeleroOptions(h.config),
        verdict: readVerdictConfig(h.config),
        now: () => now,
      });
    await scheduler().queueDue();
    await scheduler().queueDue();
    const drills = await h.store.forEntity('component:default/odoo');
    expect(
      drills
        .map(d => [
          d.trigger,
          `${d.tier.kind}/${d.tier.name}`,
          d.idempotencyKey,
        ])
        .sort(),
    ).toEqual([
      [
        'schedule',
        'cnpg/odoo-pg',
        'schedule:sim:cnpg/odoo-pg:2026-11-30T04:00:00.000Z',
      ],
      [
        'schedule',
        'velero/odoo-daily',
        'schedule:sim:velero/odoo-daily:2026-11-30T04:00:00.000Z',
      ],
    ]);
  });

  it('finds the newest tick of a cron at or before now', () => {
    expect(lastTick('0 4 * * 1', new Date('2026-12-02T12:00:00Z'))).toEqual(
      new Date('2026-11-30T04:00:00Z'),
    );
    expect(lastTick('*/15 * * * *', new Date('2026-12-02T12:07:00Z'))).toEqual(
      new Date('2026-12-02T12:00:00Z'),
    );
  });

  it('deletes what an expired drill left when no record claims it, and leaves a drill still running alone', async () => {
    h = await startDrillHarness({ knex: await databases.init('SQLITE_3') });
    const expired = '2026-12-01T00:00:00Z';
    const labelled = (drill: string, expiresAt: string) => ({
      labels: { 'backups.backstage.io/drill': drill },
      annotations: { 'backups.backstage.io/drill-expires-at': expiresAt },
    });
    h.simulator.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'business-system-drill-lost0001',
        ...labelled('lost', expired),
      },
      status: { phase: 'Active' },
    });
    h.simulator.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'business-system-drill-young001',
        ...labelled('young', '2099-01-01T00:00:00Z'),
      },
      status: { phase: 'Active' },
    });
    h.simulator.apply({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: {
        name: 'odoo-pg-drill-lost0001',
        namespace: 'business-system',
        ...labelled('lost', expired),
      },
      spec: { instances: 1 },
    });
    await h.store.insert({
      id: 'running',
      entityRef: 'component:default/odoo',
      cluster: 'sim',
      namespace: 'business-system',
      tier: { kind: 'velero', name: 'odoo-daily' },
      trigger: 'manual',
      idempotencyKey: 'key-running-1',
      createdAt: '2026-11-30T23:00:00.000Z',
      outcome: 'running',
      step: 'waiting',
      state: {},
    });
    h.simulator.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'business-system-drill-running',
        ...labelled('running', expired),
      },
      status: { phase: 'Active' },
    });
    const janitor = new DrillJanitor({
      config: readDrillConfig(h.config),
      store: h.store,
      connections: h.connections,
      logger: mockServices.logger.mock(),
      auditor: h.auditor,
      now: () => new Date('2026-12-02T00:00:00Z'),
    });
    await janitor.sweep();
    const deletes = h.simulator
      .requestLog()
      .filter(r => r.verb === 'delete')
      .map(r => `${r.resource} ${r.name}`);
    expect(deletes.sort()).toEqual([
      'clusters odoo-pg-drill-lost0001',
      'namespaces business-system-drill-lost0001',
    ]);
    expect(h.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'backups-drill-cleanup' }),
    );
  });
});
