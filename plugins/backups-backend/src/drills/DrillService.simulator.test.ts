import { mockServices } from '@backstage/backend-test-utils';
import { BackupsOverviewService } from '../service/BackupsOverviewService';
import { createTestDatabases } from '../restores/__testUtils__/testDatabases';
import { newestBackup } from '../restores/__testUtils__/restoreBackend';
import {
  caller,
  ODOO,
  odooWith,
  ref,
  startDrillHarness,
} from './__testUtils__/drillHarness';

const databases = createTestDatabases();
const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection'];

// A drill runs through the simulated controllers' steps and polls: longer
// than jest's 5 s default.
jest.setTimeout(60_000);

describe('restore drills against the simulator', () => {
  let h: Awaited<ReturnType<typeof startDrillHarness>>;
  afterEach(() => h?.stop());

  async function start(options: Parameters<typeof startDrillHarness>[0] = {}) {
    h = await startDrillHarness({
      ...options,
      knex: await databases.init('SQLITE_3'),
    });
    return h;
  }

  const writes = () =>
    h.simulator
      .requestLog()
      .filter(r => r.identity === 'backups' && WRITES.includes(r.verb))
      .map(
        r => `${r.verb} ${r.resource}${r.namespace ? ` ${r.namespace}` : ''}`,
      );

  it('drills a Velero tier end to end: restored isolated and scaled down, ready, recorded, then gone', async () => {
    await start();
    const service = h.replica();
    const backup = newestBackup(h.simulator);
    const startedAt = h.simulator.get(
      'velero.io/v1',
      'Backup',
      'velero',
      backup,
    )!.status.startTimestamp;
    const { drill } = await service.request(
      ref,
      { tier: { kind: 'velero', name: 'odoo-daily' } },
      'drill-key-0001',
      caller,
    );
    expect(drill.status).toBe('running');
    const done = await h.runToEnd(service, drill.id);
    expect(done).toMatchObject({
      outcome: 'passed',
      source: backup,
      step: 'done',
    });
    expect(done.recoveryPoint).toBe(new Date(startedAt).toISOString());
    expect(done.rtoSeconds).toEqual(expect.any(Number));
    expect(done.cleanedUpAt).toBeDefined();
    const namespace = done.target!;
    expect(namespace).toMatch(/^business-system-drill-[0-9a-f]{8}$/);
    expect(done.checks).toEqual(
      expect.arrayContaining([
        {
          kind: 'Restore',
          name: expect.any(String),
          ready: true,
          detail: 'Completed',
        },
        expect.objectContaining({
          kind: 'PersistentVolumeClaim',
          name: 'odoo-pg-1',
          ready: true,
        }),
        {
          kind: 'Deployment',
          name: 'odoo',
          ready: true,
          detail: 'scaled to 0 by the drill',
        },
      ]),
    );
    // Isolated before anything was restored into it, and gone afterwards.
    const order = writes();
    expect(order.indexOf(`create namespaces`)).toBeLessThan(
      order.indexOf(`create networkpolicies ${namespace}`),
    );
    expect(order.indexOf(`create networkpolicies ${namespace}`)).toBeLessThan(
      order.indexOf('create restores velero'),
    );
    expect(order.filter(w => w.startsWith('delete'))).toEqual([
      `delete namespaces ${namespace}`,
      'delete configmaps velero',
    ]);
    expect(
      h.simulator.get('v1', 'Namespace', undefined, namespace),
    ).toBeUndefined();
    expect(h.simulator.list('v1', 'ConfigMap', 'velero')).toEqual([]);
    // The production namespace was not written to.
    expect(order.filter(w => w.endsWith(' business-system'))).toEqual([]);
    // The Restore stays in Velero, as the record of what was restored.
    const restore = h.simulator
      .list('velero.io/v1', 'Restore', 'velero')
      .find(
        r => r.metadata.labels?.['backups.backstage.io/drill'] === drill.id,
      )!;
    expect(restore.spec).toMatchObject({
      backupName: backup,
      namespaceMapping: { 'business-system': namespace },
      excludedResources: expect.arrayContaining([
        'pods',
        'clusters.postgresql.cnpg.io',
        'networkpolicies.networking.k8s.io',
      ]),
      resourceModifier: { kind: 'ConfigMap', name: restore.metadata.name },
    });
    expect(h.notifications.send).not.toHaveBeenCalled();
    // The restores made through Backstage do not list a drill's Restore.
    expect(
      restore.metadata.labels?.['backups.backstage.io/entity'],
    ).toBeUndefined();
    expect((await service.list(ref, caller)).items).toEqual([
      expect.objectContaining({
        id: drill.id,
        outcome: 'passed',
        provenRecoveryPoint: done.recoveryPoint,
        rtoSeconds: done.rtoSeconds,
        trigger: 'manual',
        requestedBy: 'user:default/mock',
      }),
    ]);
  });

  it('drills a CNPG tier: a recovery Cluster beside the source that archives nothing, Ready at the claimed point, then deleted', async () => {
    await start();
    const service = h.replica();
    const { drill } = await service.request(
      ref,
      { tier: { kind: 'cnpg', name: 'odoo-pg' } },
      'drill-key-0002',
      caller,
    );
    const record = await h.store.get(drill.id);
    await service.advance();
    const prepared = await h.store.get(drill.id);
    const manifest = prepared!.state.manifest;
    expect(manifest.spec).toMatchObject({
      instances: 1,
      bootstrap: { recovery: { source: 'origin' } },
      externalClusters: [
        {
          name: 'origin',
          plugin: {
            name: 'barman-cloud.cloudnative-pg.io',
            parameters: {
              barmanObjectName: 'odoo-objstore',
              serverName: 'odoo-pg',
            },
          },
        },
      ],
    });
    // Nothing that archives WAL: no backup section, no plugins.
    expect(manifest.spec.backup).toBeUndefined();
    expect(manifest.spec.plugins).toBeUndefined();
    expect(manifest.spec.bootstrap.recovery.recoveryTarget.targetTime).toBe(
      prepared!.recoveryPoint,
    );
    const done = await h.runToEnd(service, drill.id);
    expect(record!.tier).toEqual({ kind: 'cnpg', name: 'odoo-pg' });
    expect(done).toMatchObject({ outcome: 'passed', step: 'done' });
    expect(done.recoveryPoint).toBe(prepared!.recoveryPoint);
    const name = done.target!.split('/')[1];
    expect(
      h.simulator.get(
        'postgresql.cnpg.io/v1',
        'Cluster',
        'business-system',
        name,
      ),
    ).toBeUndefined();
    expect(
      h.simulator.get(
        'v1',
        'PersistentVolumeClaim',
        'business-system',
        `${name}-1`,
      ),
    ).toBeUndefined();
    // The app's own cluster is untouched, and the drill's is no tier of the app.
    expect(
      h.simulator.get(
        'postgresql.cnpg.io/v1',
        'Cluster',
        'business-system',
        'odoo-pg',
      ),
    ).toBeDefined();
  });

  it('drills a VolSync tier: a ReplicationDestination beside the source restores the newest snapshot into a fresh PVC, then both are gone', async () => {
    await start();
    const service = h.replica();
    const { drill } = await service.request(
      ref,
      { tier: { kind: 'volsync', name: 'odoo-filestore' } },
      'drill-key-0013',
      caller,
    );
    await service.advance();
    const prepared = (await h.store.get(drill.id))!;
    expect(prepared.state.manifest.spec).toEqual({
      trigger: { manual: expect.stringMatching(/^drill-[0-9a-f]{8}$/) },
      restic: {
        repository: 'odoo-filestore-restic',
        copyMethod: 'Direct',
        capacity: expect.any(String),
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'ceph-block',
      },
    });
    const done = await h.runToEnd(service, drill.id);
    expect(done).toMatchObject({ outcome: 'passed', step: 'done' });
    expect(done.recoveryPoint).toBe(prepared.recoveryPoint);
    expect(done.checks).toContainEqual(
      expect.objectContaining({ kind: 'PersistentVolumeClaim', ready: true }),
    );
    const name = done.target!.split('/')[1];
    expect(
      h.simulator.get(
        'volsync.backube/v1alpha1',
        'ReplicationDestination',
        'business-system',
        name,
      ),
    ).toBeUndefined();
    expect(
      h.simulator.get(
        'v1',
        'PersistentVolumeClaim',
        'business-system',
        `volsync-${name}-dest`,
      ),
    ).toBeUndefined();
  });

  it('fails a VolSync drill whose restic mover fails', async () => {
    await start();
    h.simulator.injectControllerFault({ kind: 'volsyncMoverFails' });
    const service = h.replica();
    const { drill } = await service.request(
      ref,
      { tier: { kind: 'volsync', name: 'odoo-filestore' } },
      'drill-key-0014',
      caller,
    );
    const done = await h.runToEnd(service, drill.id);
    expect(done.outcome).toBe('failed');
    expect(done.failureReason).toMatch(/^The restic restore failed: Fatal: /);
  });

  it('records a failing drill once, tells the owners once, and turns the tier critical until a drill passes', async () => {
    await start({ drills: { timeLimit: '3s' } });
    const remove = h.simulator.injectControllerFault({
      kind: 'pvcStaysPending',
      namespace: '*-drill-*',
      name: 'odoo-pg-1',
    });
    const first = h.replica();
    const { drill } = await first.request(
      ref,
      { tier: { kind: 'velero', name: 'odoo-daily' } },
      'drill-key-0003',
      caller,
    );
    const done = await h.runToEnd(first, drill.id);
    expect(done.outcome).toBe('failed');
    expect(done.failureReason).toMatch(
      /^Not ready within the time limit: PersistentVolumeClaim odoo-pg-1 \(Pending; from VolumeSnapshot /,
    );
    // Another replica, and repeated runs, neither change nor tell again.
    await h.replica().advance();
    await first.advance();
    expect(h.notifications.send).toHaveBeenCalledTimes(1);
    expect(h.notifications.send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: ODOO },
      payload: expect.objectContaining({
        title: 'Restore drill of odoo (velero/odoo-daily) failed',
        description: done.failureReason,
        severity: 'high',
        scope: `backups:drill:${ODOO}:${drill.id}`,
        link: '/catalog/default/component/odoo/backups',
      }),
    });
    expect(
      h.simulator.get('v1', 'Namespace', undefined, done.target!),
    ).toBeUndefined();

    const overview = BackupsOverviewService.create({
      config: h.config,
      logger: mockServices.logger.mock(),
      catalog: h.catalog,
      auth: mockServices.auth(),
      connections: h.connections,
      drills: first,
    });
    const tierOf = async () =>
      (await overview.getOverview(ref, caller)).clusters[0].tiers.find(
        t => t.kind === 'velero',
      )!;
    const critical = await tierOf();
    expect(critical.status).toBe('critical');
    expect(critical.findings).toContainEqual(
      expect.objectContaining({ code: 'drill.failed', status: 'critical' }),
    );
    expect(critical.lastDrill).toMatchObject({
      id: drill.id,
      outcome: 'failed',
    });

    remove();
    const again = await first.request(
      ref,
      { tier: { kind: 'velero', name: 'odoo-daily' } },
      'drill-key-0004',
      caller,
    );
    expect((await h.runToEnd(first, again.drill.id)).outcome).toBe('passed');
    const recovered = await tierOf();
    expect(recovered.status).toBe('healthy');
    expect(recovered.lastProvenRestore?.drillId).toBe(again.drill.id);
    expect(h.notifications.send).toHaveBeenCalledTimes(1);
  });

  it('fails a CNPG drill whose recovery fails, with CNPG’s reason', async () => {
    await start();
    h.simulator.injectControllerFault({ kind: 'cnpgRecoveryFails' });
    const service = h.replica();
    const { drill } = await service.request(
      ref,
      { tier: { kind: 'cnpg', name: 'odoo-pg' } },
      'drill-key-0005',
      caller,
    );
    const done = await h.runToEnd(service, drill.id);
    expect(done.outcome).toBe('failed');
    expect(done.failureReason).toMatch(
      /^The recovery failed: Instance creation failed for the following jobs: odoo-pg-drill-[0-9a-f]{8}-1-full-recovery/,
    );
    expect(h.notifications.send).toHaveBeenCalledTimes(1);
  });

  it('resumes a drill on a restarted backend where the last one stopped', async () => {
    await start();
    const before = h.replica();
    const { drill } = await before.request(
      ref,
      { tier: { kind: 'velero', name: 'odoo-daily' } },
      'drill-key-0006',
      caller,
    );
    // One pass: prepared, its objects created, waiting for the restore.
    await before.advance();
    const interrupted = await h.store.get(drill.id);
    expect(interrupted!.step).toBe('waiting');
    // The backend restarts: a new service on the same database goes on.
    const after = h.replica();
    const done = await h.runToEnd(after, drill.id);
    expect(done.outcome).toBe('passed');
    expect(
      h.simulator.get('v1', 'Namespace', undefined, done.target!),
    ).toBeUndefined();
    // Each object was created once, whatever replica made the step.
    expect(
      h.simulator
        .requestLog()
        .filter(r => r.verb === 'create' && r.resource === 'restores'),
    ).toHaveLength(1);
  });

  it('retries a drill whose backups cannot be read for a moment, instead of failing it', async () => {
    await start();
    const service = h.replica();
    const { drill } = await service.request(
      ref,
      { tier: { kind: 'velero', name: 'odoo-daily' } },
      'drill-key-0012',
      caller,
    );
    const remove = h.simulator.injectFault({
      kind: 'forbidden',
      identity: 'backups',
      group: 'velero.io',
      resource: 'backups',
    });
    await service.advance();
    expect(await h.store.get(drill.id)).toMatchObject({
      outcome: 'running',
      step: 'preparing',
    });
    remove();
    expect((await h.runToEnd(service, drill.id)).outcome).toBe('passed');
  });

  it('answers the same drill for a repeated key, and refuses a second one while the tier runs', async () => {
    await start();
    const service = h.replica();
    const body = { tier: { kind: 'velero' as const, name: 'odoo-daily' } };
    const first = await service.request(ref, body, 'drill-key-0007', caller);
    const repeat = await service.request(ref, body, 'drill-key-0007', caller);
    expect(repeat).toEqual({ created: false, drill: first.drill });
    await expect(
      service.request(ref, body, 'drill-key-0008', caller),
    ).rejects.toThrow(/already running \(drill /);
    await expect(
      service.request(
        ref,
        { tier: { kind: 'volsync', name: 'x' } },
        'drill-key-0009',
        caller,
      ),
    ).rejects.toThrow(/has no volsync tier x/);
    await expect(
      service.request(
        ref,
        { tier: { kind: 'velero', name: 'nope' } },
        'drill-key-0010',
        caller,
      ),
    ).rejects.toThrow(/has no velero tier nope/);
    await expect(service.request(ref, body, 'short', caller)).rejects.toThrow(
      /Idempotency-Key/,
    );
  });

  it('refuses drills of an entity whose policy turns them off', async () => {
    await start({
      entity: odooWith({ 'backups.backstage.io/drill-policy': 'off' }),
    });
    await expect(
      h.replica().request(ref, {}, 'drill-key-0011', caller),
    ).rejects.toThrow(/Restore drills are off/);
    expect(writes()).toEqual([]);
  });
});
