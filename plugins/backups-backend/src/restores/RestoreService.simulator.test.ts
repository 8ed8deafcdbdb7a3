import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubeSimulator } from '@internal/kube-simulator';
import { ClusterConnections } from '../cluster/ClusterConnections';
import { newestBackup, odoo } from './__testUtils__/restoreBackend';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { readRestoreConfig } from './restoreConfig';
import { RestoreService } from './RestoreService';
import { RestoreStore } from './RestoreStore';

const databases = createTestDatabases();
const caller = {
  credentials: mockCredentials.user(),
  userRef: 'user:default/mock',
};
const ref = { kind: 'component', namespace: 'default', name: 'odoo' };

// A restore runs through the simulated Velero controller's steps (a second
// each), and a replica restarts on the way: longer than jest's 5 s default.
jest.setTimeout(60_000);

describe('RestoreService against the simulator', () => {
  let simulator: Awaited<ReturnType<typeof KubeSimulator.start>>;
  let store: RestoreStore;
  let connections: ClusterConnections;
  let config: ConfigReader;

  beforeEach(async () => {
    simulator = await KubeSimulator.start({ port: 0, scenario: 'healthy' });
    const knex = await databases.init('SQLITE_3');
    store = await RestoreStore.create({
      database: { getClient: async () => knex },
    });
    config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'sim',
                url: simulator.url,
                serviceAccountToken: simulator.token,
                skipTLSVerify: true,
              },
            ],
          },
        ],
      },
    });
    connections = ClusterConnections.create({
      config,
      logger: mockServices.logger.mock(),
    });
  });
  afterEach(async () => {
    await simulator.stop();
  });

  /** A service as one backend replica makes it; a second call is a restarted backend. */
  function replica(timeout?: string) {
    return RestoreService.create({
      catalog: catalogServiceMock({ entities: [odoo] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      store,
      clusters: connections.clusters,
      access: c => connections.liveConnection(c),
      veleroNamespace: 'velero',
      config: readRestoreConfig(
        timeout
          ? new ConfigReader({ backups: { restores: { timeout } } })
          : config,
      ),
      deadlineMs: 10_000,
    });
  }

  const suspended = () =>
    [
      ...simulator.list('kustomize.toolkit.fluxcd.io/v1', 'Kustomization'),
      ...simulator.list('helm.toolkit.fluxcd.io/v2', 'HelmRelease'),
    ]
      .filter(o => o.spec?.suspend === true)
      .map(o => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`);

  async function restoreEnds(name: string) {
    for (let i = 0; i < 60; i++) {
      const phase = simulator.get('velero.io/v1', 'Restore', 'velero', name)
        ?.status?.phase;
      if (
        phase &&
        ['Completed', 'PartiallyFailed', 'Failed', 'FailedValidation'].includes(
          phase,
        )
      )
        return phase;
      await new Promise(r => setTimeout(r, 250));
    }
    throw new Error(`restore ${name} did not end`);
  }

  it('suspends the Flux objects of an in-place restore and resumes them after it, from a restarted replica', async () => {
    const first = replica();
    const plan = await first.plan(
      ref,
      { backupName: newestBackup(simulator) },
      caller,
    );
    expect(plan.inPlace).toBe(true);
    expect(plan.gitops.suspend).toBe(true);
    const managed = plan.gitops.managedBy.map(
      m => `${m.kind}/${m.namespace}/${m.name}`,
    );
    expect(managed.length).toBeGreaterThan(0);
    // Existing objects are skipped in place, and the plan says so.
    expect(plan.existing.some(e => e.action === 'skip')).toBe(true);

    const { restore } = await first.create(
      ref,
      { planId: plan.id, planHash: plan.hash },
      'key-inplace-001',
      caller,
    );
    expect(suspended().sort()).toEqual(managed.sort());
    await restoreEnds(restore.name);

    // The backend restarted: a new replica, the same database, finds and resumes them.
    await replica().followRequests();
    expect(suspended()).toEqual([]);
    const [request] = await store.requestsFor('component:default/odoo');
    expect(request).toMatchObject({
      finalPhase: 'Completed',
      resumedAt: expect.any(String),
    });

    // The lock is free again: a new restore of the same target is accepted.
    const again = await first.plan(
      ref,
      { backupName: newestBackup(simulator) },
      caller,
    );
    await expect(
      first.create(
        ref,
        { planId: again.id, planHash: again.hash },
        'key-inplace-002',
        caller,
      ),
    ).resolves.toMatchObject({ created: true });
  });

  it('resumes Flux after the timeout even if the restore has not ended', async () => {
    const service = replica();
    const plan = await service.plan(
      ref,
      { backupName: newestBackup(simulator) },
      caller,
    );
    await service.create(
      ref,
      { planId: plan.id, planHash: plan.hash },
      'key-timeout-001',
      caller,
    );
    expect(suspended().length).toBeGreaterThan(0);
    await replica('0s').followRequests();
    expect(suspended()).toEqual([]);
  });

  it('does not suspend Flux for a restore into another namespace', async () => {
    const service = replica();
    const plan = await service.plan(
      ref,
      {
        backupName: newestBackup(simulator),
        targetNamespace: 'business-system-restore',
      },
      caller,
    );
    expect(plan.gitops.suspend).toBe(false);
    await service.create(
      ref,
      { planId: plan.id, planHash: plan.hash },
      'key-mapped-0001',
      caller,
    );
    expect(suspended()).toEqual([]);
  });

  it('restores again into the namespace its earlier restore created, but not into one another team made', async () => {
    const service = replica();
    const mapped = {
      backupName: newestBackup(simulator),
      targetNamespace: 'business-system-restore',
    };
    const plan = await service.plan(ref, mapped, caller);
    const { restore } = await service.create(
      ref,
      { planId: plan.id, planHash: plan.hash },
      'key-first-0001',
      caller,
    );
    await restoreEnds(restore.name);
    await service.followRequests();
    // Velero made the namespace bare, without the claim label; the record proves it is ours.
    expect(
      simulator.get('v1', 'Namespace', undefined, 'business-system-restore'),
    ).toBeDefined();
    await expect(service.plan(ref, mapped, caller)).resolves.toMatchObject({
      targetNamespace: 'business-system-restore',
    });

    const stranger = RestoreService.create({
      catalog: catalogServiceMock({ entities: [odoo] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      store: await RestoreStore.create({
        database: { getClient: async () => databases.init('SQLITE_3') },
      }),
      clusters: connections.clusters,
      access: c => connections.liveConnection(c),
      veleroNamespace: 'velero',
      config: readRestoreConfig(config),
      deadlineMs: 10_000,
    });
    await expect(stranger.plan(ref, mapped, caller)).rejects.toThrow(
      /business-system-restore exists and does not claim component:default\/odoo/,
    );
  });
});
