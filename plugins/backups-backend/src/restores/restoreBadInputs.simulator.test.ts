import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import corpus from '../__fixtures__/bad-inputs/restores.json';
import {
  newestBackup,
  startRestoreBackend,
} from './__testUtils__/restoreBackend';

const BASE = '/api/backups/v1/entities/default/component/odoo';
const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection'];

describe('bad restore requests: 4xx naming the field, nothing written', () => {
  let ctx: Awaited<ReturnType<typeof startRestoreBackend>>;
  let values: Record<string, unknown>;

  beforeAll(async () => {
    ctx = await startRestoreBackend();
    const backupName = newestBackup(ctx.simulator);
    const plan = await request(ctx.server)
      .post(`${BASE}/restore-plans`)
      .set('authorization', mockCredentials.user.header())
      .send({ backupName, targetNamespace: 'business-system-restore' });
    values = {
      BACKUP: backupName,
      PLANID: plan.body.id,
      PLANHASH: plan.body.hash,
      LONGNAME: 'a'.repeat(254),
      LONGKEY: 'k'.repeat(200),
      LONGPLANID: 'p'.repeat(500),
      LARGEBODY: { backupName, padding: 'x'.repeat(70_000) },
    };
  });
  afterAll(async () => {
    await ctx.stop();
  });

  const fill = (value: unknown): any => {
    if (typeof value === 'string')
      return value in values ? values[value] : value;
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, fill(v)]),
      );
    return value;
  };

  function expectRefused(res: request.Response, status: number, names: string) {
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body?.error ?? res.text)).toContain(names);
    expect(
      ctx.simulator.requestLog().filter(r => WRITES.includes(r.verb)),
    ).toEqual([]);
  }

  it.each(corpus.plans.map((c, i) => ({ ...c, i })))(
    'plan $i answers $status naming $names',
    async c => {
      ctx.simulator.clearRequestLog();
      const res = await request(ctx.server)
        .post(`${BASE}/restore-plans`)
        .set('authorization', mockCredentials.user.header())
        .send(fill(c.body));
      expectRefused(res, c.status, c.names);
    },
  );

  it.each(corpus.creates.map((c, i) => ({ ...c, i })))(
    'restore $i answers $status naming $names',
    async c => {
      ctx.simulator.clearRequestLog();
      let req = request(ctx.server)
        .post(`${BASE}/restores`)
        .set('authorization', mockCredentials.user.header());
      if (c.key) req = req.set('idempotency-key', fill(c.key));
      expectRefused(await req.send(fill(c.body)), c.status, c.names);
    },
  );

  it.each(corpus.paths)(
    '$method $path answers $status naming $names',
    async c => {
      ctx.simulator.clearRequestLog();
      const res = await (request(ctx.server) as any)
        [c.method](`/api/backups${c.path}`)
        .set('authorization', mockCredentials.user.header())
        .send({ backupName: 'x' });
      expectRefused(res, c.status, c.names);
    },
  );
});
