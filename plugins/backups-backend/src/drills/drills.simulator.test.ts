import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startRestoreBackend } from '../restores/__testUtils__/restoreBackend';
import { ADVANCE_DRILLS_TASK_ID } from './setupDrills';

const BASE = '/api/backups/v1/entities/default/component/odoo';
const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection'];

jest.setTimeout(60_000);

describe('restore drills through the REST door, against the simulator', () => {
  let ctx: Awaited<ReturnType<typeof startRestoreBackend>>;
  /** The plugin's scheduled tasks, run by the test as the scheduler would. */
  let tasks: Map<string, (signal?: AbortSignal) => Promise<void>>;
  afterEach(() => ctx?.stop());

  async function start(
    permission:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) {
    tasks = new Map();
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.set(task.id, task.fn as (signal?: AbortSignal) => Promise<void>);
      },
    });
    ctx = await startRestoreBackend(permission, {
      features: [scheduler.factory],
    });
  }

  const post = (
    body: object,
    key?: string,
    auth = mockCredentials.user.header(),
  ) => {
    const r = request(ctx.server)
      .post(`${BASE}/drills`)
      .set('authorization', auth);
    return (key ? r.set('idempotency-key', key) : r).send(body);
  };
  const list = () =>
    request(ctx.server)
      .get(`${BASE}/drills`)
      .set('authorization', mockCredentials.user.header());

  const writes = () =>
    ctx.simulator
      .requestLog()
      .filter(r => r.identity === 'backups' && WRITES.includes(r.verb));

  it('queues a drill (202), advances it on the scheduler, lists its evidence and shows it in the overview', async () => {
    await start();
    const created = await post(
      { tier: { kind: 'velero', name: 'odoo-daily' } },
      'drill-rest-0001',
    );
    expect(created.status).toBe(202);
    expect(created.body).toEqual({ id: expect.any(String), status: 'running' });
    const repeat = await post(
      { tier: { kind: 'velero', name: 'odoo-daily' } },
      'drill-rest-0001',
    );
    expect(repeat.status).toBe(202);
    expect(repeat.body).toEqual(created.body);

    let drill: any;
    for (let i = 0; i < 200 && drill?.cleanedUpAt === undefined; i++) {
      await tasks.get(ADVANCE_DRILLS_TASK_ID)!();
      drill = (await list()).body.items[0];
      await new Promise(r => setTimeout(r, 100));
    }
    expect(drill).toMatchObject({
      id: created.body.id,
      tier: { kind: 'velero', name: 'odoo-daily' },
      outcome: 'passed',
      rtoSeconds: expect.any(Number),
      provenRecoveryPoint: expect.any(String),
      finishedAt: expect.any(String),
    });
    const overview = await request(ctx.server)
      .get(`${BASE}/overview`)
      .set('authorization', mockCredentials.user.header());
    const tier = overview.body.clusters[0].tiers.find(
      (t: any) => t.kind === 'velero',
    );
    expect(tier.lastProvenRestore).toMatchObject({
      drillId: created.body.id,
      recoveryPoint: drill.provenRecoveryPoint,
      rtoSeconds: drill.rtoSeconds,
    });
    expect(tier.lastDrill).toMatchObject({ outcome: 'passed' });
    // The history's chart marks the drill.
    const history = await request(ctx.server)
      .get(`${BASE}/history`)
      .set('authorization', mockCredentials.user.header());
    expect(history.body.drills).toEqual([
      {
        at: drill.finishedAt,
        tier: { kind: 'velero', name: 'odoo-daily' },
        outcome: 'passed',
      },
    ]);
    // The MCP get-backup-status action carries the same evidence.
    const status = await request(ctx.server)
      .post(
        '/api/backups/.backstage/actions/v1/actions/backups:get-backup-status/invoke',
      )
      .set('authorization', mockCredentials.user.header())
      .send({ entityRef: 'component:default/odoo' });
    expect(status.status).toBe(200);
    expect(
      status.body.output.tiers.find((t: any) => t.kind === 'velero'),
    ).toMatchObject({
      lastProvenRestore: tier.lastProvenRestore,
      lastDrill: { id: created.body.id, outcome: 'passed' },
    });
  });

  const plan = (body: object, auth = mockCredentials.user.header()) =>
    request(ctx.server)
      .post(`${BASE}/drill-plans`)
      .set('authorization', auth)
      .send(body);

  it('plans a drill before it runs: the names it shows are the names it creates, and a plan runs once', async () => {
    await start();
    const planned = await plan({
      tier: { kind: 'velero', name: 'odoo-daily' },
    });
    expect(planned.status).toBe(200);
    const id: string = planned.body.id;
    const short = id.replace(/-/g, '').slice(0, 8);
    const target = `business-system-drill-${short}`;
    expect(planned.body).toMatchObject({
      cluster: expect.any(String),
      namespace: 'business-system',
      tier: { kind: 'velero', name: 'odoo-daily' },
      source: expect.stringMatching(/^odoo-daily-/),
      recoveryPoint: expect.any(String),
      target,
      timeLimitSeconds: 1800,
    });
    expect(planned.body.creates).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', name: target },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        name: 'backups-drill-isolation',
        namespace: target,
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: `backups-drill-${short}`,
        namespace: 'velero',
      },
      {
        apiVersion: 'velero.io/v1',
        kind: 'Restore',
        name: `backups-drill-${short}`,
        namespace: 'velero',
      },
    ]);
    expect(planned.body.notes.join('\n')).toMatch(
      /denies all traffic in and out of business-system-drill-/,
    );
    // Planning reads the backup's resource list the way Velero's CLI does,
    // through a DownloadRequest, and writes nothing else.
    expect(writes().map(w => `${w.verb} ${w.resource}`)).toEqual([
      'create downloadrequests',
    ]);

    const created = await post(
      { tier: { kind: 'velero', name: 'odoo-daily' }, planId: id },
      'drill-plan-0001',
    );
    expect(created.status).toBe(202);
    expect(created.body.id).toBe(id);
    let drill: any;
    for (let i = 0; i < 100 && drill?.target === undefined; i++) {
      await tasks.get(ADVANCE_DRILLS_TASK_ID)!();
      drill = (await list()).body.items[0];
    }
    expect(drill).toMatchObject({ id, target, source: planned.body.source });
    expect(
      writes().some(
        w =>
          w.verb === 'create' &&
          w.resource === 'namespaces' &&
          w.name === undefined,
      ),
    ).toBe(true);
    expect(
      ctx.simulator.get('v1', 'Namespace', undefined, target),
    ).toBeTruthy();

    const again = await post(
      { tier: { kind: 'velero', name: 'odoo-daily' }, planId: id },
      'drill-plan-0002',
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/has been run already/);
  });

  it("refuses to plan without backups.drill.run, a tier that is not the entity's, and a service acting for nobody; planning them writes nothing", async () => {
    await start(AuthorizeResult.DENY);
    const refused = await plan({});
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'Not allowed to backups.drill.run on component:default/odoo',
    );
    await ctx.stop();
    await start();
    const unknown = await plan({ tier: { kind: 'velero', name: 'nope' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/has no velero tier nope/);
    const service = await plan({}, mockCredentials.service.header());
    expect(service.status).toBe(403);
    expect(writes()).toEqual([]);
    expect((await list()).body).toEqual({ items: [] });
  });

  it('refuses a caller without backups.drill.run, and writes nothing', async () => {
    await start(AuthorizeResult.DENY);
    const refused = await post({}, 'drill-rest-0002');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'Not allowed to backups.drill.run on component:default/odoo',
    );
    expect(writes()).toEqual([]);
  });

  it('refuses a service acting for nobody, a missing Idempotency-Key and a bad body, and writes nothing', async () => {
    await start();
    const service = await post(
      {},
      'drill-rest-0003',
      mockCredentials.service.header(),
    );
    expect(service.status).toBe(403);
    expect(service.body.error.message).toMatch(/signed-in users/);
    const noKey = await post({});
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toMatch(/^Idempotency-Key/);
    const bad = await post(
      { tier: { kind: 'velero' }, extra: 1 },
      'drill-rest-0004',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/tier.name: /);
    expect(bad.body.error.message).toMatch(/Unrecognized key/);
    expect(writes()).toEqual([]);
    expect((await list()).body).toEqual({ items: [] });
  });
});
