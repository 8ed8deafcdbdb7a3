import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  newestBackup,
  startRestoreBackend,
} from './__testUtils__/restoreBackend';

const BASE = '/api/backups/v1/entities/default/component/odoo';
const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection'];

const user = () => mockCredentials.user.header();

describe('restores through the REST door, against the simulator', () => {
  let ctx: Awaited<ReturnType<typeof startRestoreBackend>>;
  beforeEach(async () => {
    ctx = await startRestoreBackend();
  });
  afterEach(async () => {
    await ctx.stop();
  });

  async function plan(body: object) {
    return request(ctx.server)
      .post(`${BASE}/restore-plans`)
      .set('authorization', user())
      .send(body);
  }
  async function create(body: object, key = 'key-0123456789') {
    return request(ctx.server)
      .post(`${BASE}/restores`)
      .set('authorization', user())
      .set('idempotency-key', key)
      .send(body);
  }

  it('plans a restore into <namespace>-restore, restores it, and follows it to Completed with the objects there', async () => {
    const backupName = newestBackup(ctx.simulator);
    const planned = await plan({
      backupName,
      targetNamespace: 'business-system-restore',
    });
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({
      targetNamespace: 'business-system-restore',
      inPlace: false,
      restore: {
        apiVersion: 'velero.io/v1',
        kind: 'Restore',
        spec: {
          backupName,
          includedNamespaces: ['business-system'],
          namespaceMapping: { 'business-system': 'business-system-restore' },
          restorePVs: true,
          existingResourcePolicy: 'none',
          includeClusterResources: false,
        },
      },
    });
    expect(planned.body.contents.length).toBeGreaterThan(0);
    // The target does not exist yet, so nothing in it can be skipped.
    expect(planned.body.existing).toEqual([]);
    expect(planned.body.volumes).toContain('odoo-filestore');
    // Planning wrote nothing but a DownloadRequest.
    expect(
      ctx.simulator
        .requestLog()
        .filter(r => WRITES.includes(r.verb))
        .map(r => r.resource),
    ).toEqual(['downloadrequests']);

    const created = await create({
      planId: planned.body.id,
      planHash: planned.body.hash,
    });
    expect(created.status).toBe(201);
    const restore = ctx.simulator.get(
      'velero.io/v1',
      'Restore',
      'velero',
      created.body.name,
    )!;
    expect(restore.metadata.annotations).toMatchObject({
      'backups.backstage.io/entity-ref': 'component:default/odoo',
      'backups.backstage.io/requested-by': 'user:default/mock',
    });
    for (let i = 0; i < 40; i++) {
      const list = await request(ctx.server)
        .get(`${BASE}/restores`)
        .set('authorization', user());
      if (
        list.body.items.some((r: { phase: string }) => r.phase === 'Completed')
      )
        break;
      await new Promise(r => setTimeout(r, 250));
    }
    const list = await request(ctx.server)
      .get(`${BASE}/restores`)
      .set('authorization', user());
    expect(list.body.items).toEqual([
      expect.objectContaining({
        name: created.body.name,
        phase: 'Completed',
        requestedBy: 'user:default/mock',
        backupName,
        targetNamespace: 'business-system-restore',
      }),
    ]);
    const restored = ctx.simulator.list(
      'v1',
      'PersistentVolumeClaim',
      'business-system-restore',
    );
    expect(restored.map(p => p.metadata.name)).toContain('odoo-filestore');
    expect(restored[0].metadata.labels?.['velero.io/restore-name']).toBe(
      created.body.name,
    );
  });

  it('returns the same restore for a repeated Idempotency-Key, and refuses a second one in flight', async () => {
    const backupName = newestBackup(ctx.simulator);
    const planned = await plan({
      backupName,
      targetNamespace: 'business-system-restore',
    });
    const body = { planId: planned.body.id, planHash: planned.body.hash };
    const [first, second] = await Promise.all([create(body), create(body)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.name).toBe(second.body.name);
    const mine = ctx.simulator
      .list('velero.io/v1', 'Restore', 'velero')
      .filter(r => r.metadata.name === first.body.name);
    expect(mine).toHaveLength(1);
    const again = await plan({
      backupName,
      targetNamespace: 'business-system-restore',
    });
    const other = await create(
      { planId: again.body.id, planHash: again.body.hash },
      'key-other-0000',
    );
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/plan again|in flight/);
  });

  it('refuses a plan whose backup was deleted after planning', async () => {
    const backupName = newestBackup(ctx.simulator);
    const planned = await plan({
      backupName,
      targetNamespace: 'business-system-restore',
    });
    ctx.simulator.remove('velero.io/v1', 'Backup', 'velero', backupName);
    const created = await create({
      planId: planned.body.id,
      planHash: planned.body.hash,
    });
    expect(created.status).toBe(409);
    expect(created.body.error.message).toMatch(
      /changed since the plan was made: backupName: no backup .*; plan again/,
    );
    expect(ctx.simulator.list('velero.io/v1', 'Restore', 'velero')).toEqual([]);
  });

  it('refuses a namespace that does not claim the entity, saying how to add the label', async () => {
    const ns = ctx.simulator.get(
      'v1',
      'Namespace',
      undefined,
      'business-system',
    )!;
    delete ns.metadata.labels?.['backstage.io/kubernetes-id'];
    ctx.simulator.apply(ns);
    const planned = await plan({ backupName: newestBackup(ctx.simulator) });
    expect(planned.status).toBe(403);
    expect(planned.body.error.message).toMatch(
      /kubectl label namespace business-system backstage.io\/kubernetes-id=odoo/,
    );
  });

  it('refuses unauthenticated callers with 401 and writes nothing', async () => {
    const res = await request(ctx.server)
      .post(`${BASE}/restore-plans`)
      .set('authorization', mockCredentials.none.header())
      .send({ backupName: newestBackup(ctx.simulator) });
    expect(res.status).toBe(401);
    expect(
      ctx.simulator.requestLog().filter(r => WRITES.includes(r.verb)),
    ).toEqual([]);
  });
});

describe('restores without the permission', () => {
  it('answers 403 and writes nothing', async () => {
    // Without the cache, which reads the cluster on its own: then any request
    // in the log would be this refused one's.
    const ctx = await startRestoreBackend(AuthorizeResult.DENY, {
      config: { backups: { cache: { enabled: false } } },
    });
    try {
      const planned = await request(ctx.server)
        .post(`${BASE}/restore-plans`)
        .set('authorization', user())
        .send({ backupName: newestBackup(ctx.simulator) });
      expect(planned.status).toBe(403);
      const created = await request(ctx.server)
        .post(`${BASE}/restores`)
        .set('authorization', user())
        .set('idempotency-key', 'key-0123456789')
        .send({ planId: 'x', planHash: 'y' });
      expect(created.status).toBe(403);
      expect(ctx.simulator.requestLog()).toEqual([]);
    } finally {
      await ctx.stop();
    }
  });
});

describe('logs through DownloadRequests', () => {
  let ctx: Awaited<ReturnType<typeof startRestoreBackend>>;
  afterEach(async () => {
    await ctx?.stop();
  });

  it("serves a backup's log as text, fetched server-side", async () => {
    ctx = await startRestoreBackend();
    const backup = newestBackup(ctx.simulator);
    const res = await request(ctx.server)
      .get(`${BASE}/backups/${backup}/logs`)
      .set('authorization', user());
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain');
    expect(res.text).toMatch(/level=info/);
    // The signed URL stays in the backend.
    expect(res.text).not.toContain(ctx.simulator.url);
    const written = ctx.simulator
      .requestLog()
      .filter(r => WRITES.includes(r.verb));
    expect(written.map(r => r.resource)).toEqual(['downloadrequests']);
  });

  it('refuses a log larger than the configured cap', async () => {
    ctx = await startRestoreBackend(AuthorizeResult.ALLOW, {
      config: { backups: { restores: { maxDownloadBytes: 64 } } },
    });
    const res = await request(ctx.server)
      .get(`${BASE}/backups/${newestBackup(ctx.simulator)}/logs`)
      .set('authorization', user());
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/larger than 64 bytes/);
  });
});

describe('auditing', () => {
  it('records every restore request, allowed or denied', async () => {
    const events: string[] = [];
    const auditor = mockServices.auditor.mock({
      createEvent: async ({ eventId }) => ({
        success: async () => {
          events.push(`${eventId}:success`);
        },
        fail: async () => {
          events.push(`${eventId}:fail`);
        },
      }),
    });
    const denied = await startRestoreBackend(AuthorizeResult.DENY, {
      features: [auditor.factory],
    });
    try {
      await request(denied.server)
        .post(`${BASE}/restore-plans`)
        .set('authorization', user())
        .send({ backupName: newestBackup(denied.simulator) });
      await request(denied.server)
        .post(`${BASE}/restores`)
        .set('authorization', user())
        .set('idempotency-key', 'key-0123456789')
        .send({ planId: 'x', planHash: 'y' });
    } finally {
      await denied.stop();
    }
    expect(events).toEqual([
      'backups-restore-plan:fail',
      'backups-restore-request:fail',
    ]);
  });
});
