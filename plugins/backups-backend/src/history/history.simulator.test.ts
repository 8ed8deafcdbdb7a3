import {
  coreServices,
  createServiceFactory,
  type SchedulerService,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { backupsHistorySchema } from '@internal/plugin-backups-common';
import { KubeSimulator } from '@internal/kube-simulator';
import type { Knex } from 'knex';
import request from 'supertest';
import { backupsPlugin } from '../plugin';
import {
  createTestDatabases,
  testDatabaseIds,
} from '../restores/__testUtils__/testDatabases';
import { HISTORY_TASK_ID } from './setupHistory';

type Simulator = Awaited<ReturnType<typeof KubeSimulator.start>>;

const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'odoo',
    namespace: 'default',
    title: 'Odoo',
    annotations: {
      'backstage.io/kubernetes-namespace': 'business-system',
      'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=odoo',
    },
  },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/erp-team' }],
};
const website: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'odoo-website', namespace: 'default' },
  spec: { type: 'website', owner: 'erp-team', lifecycle: 'production' },
};

function clusterConfig(simulator: Simulator) {
  return {
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
    // Each evaluation reads the simulator itself: a change is seen at once.
    backups: { cache: { enabled: false } },
  };
}

/** Records what is sent; `failures` sends fail first, as an unreachable notifications backend would. */
function capturingNotifications(
  sent: NotificationSendOptions[],
  failures = { count: 0 },
): ServiceFactory {
  return createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      async send(options: NotificationSendOptions) {
        if (failures.count > 0) {
          failures.count -= 1;
          throw new Error('notifications backend unavailable');
        }
        sent.push(options);
      },
    }),
  });
}

/**
 * The test scheduler, which runs a task to its end when triggered; nothing
 * runs on its own.
 */
function schedulerFactory(scheduler: SchedulerService): ServiceFactory {
  return createServiceFactory({
    service: coreServices.scheduler,
    deps: {},
    factory: () => scheduler,
  });
}

/** One backend replica with the backups plugin; its history task runs when told. */
async function startInstance(options: {
  simulator: Simulator;
  knex: Knex;
  notifications: ServiceFactory;
}) {
  const scheduler = mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      backupsPlugin,
      catalogServiceMock.factory({ entities: [odoo, website] }),
      mockServices.database.factory({ knex: options.knex }),
      schedulerFactory(scheduler),
      options.notifications,
      mockServices.rootConfig.factory({
        data: clusterConfig(options.simulator),
      }),
    ],
  });
  return {
    server: backend.server,
    stop: () => backend.stop(),
    /** Runs the history task to its end, as the scheduler would. */
    record: () => scheduler.triggerTask(HISTORY_TASK_ID),
  };
}

function cnpgCluster(simulator: Simulator) {
  return simulator.get(
    'postgresql.cnpg.io/v1',
    'Cluster',
    'business-system',
    'odoo-pg',
  )!;
}

/** WAL archiving starts failing: the CNPG tier, and so the entity, turn critical. */
function breakWalArchiving(simulator: Simulator) {
  const cluster = cnpgCluster(simulator);
  simulator.apply({
    ...cluster,
    status: {
      ...cluster.status,
      conditions: cluster.status.conditions.map((c: any) =>
        c.type === 'ContinuousArchiving'
          ? {
              ...c,
              status: 'False',
              reason: 'ContinuousArchivingFailing',
              message: 'unexpected failure invoking barman-cloud-wal-archive',
              lastTransitionTime: new Date().toISOString(),
            }
          : c,
      ),
    },
  });
}

const databases = createTestDatabases();

describe.each(testDatabaseIds())('the history task on %s', id => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  async function setUp(failures?: { count: number }) {
    const simulator = await KubeSimulator.start({
      port: 0,
      scenario: 'healthy',
    });
    cleanups.push(() => simulator.stop());
    const knex = await databases.init(id);
    const sent: NotificationSendOptions[] = [];
    const notifications = capturingNotifications(sent, failures);
    const a = await startInstance({ simulator, knex, notifications });
    cleanups.push(a.stop);
    return { simulator, knex, sent, notifications, a };
  }

  it('tells the owners once when the status worsens and once when it recovers, whichever replica evaluates', async () => {
    const { simulator, knex, sent, notifications, a } = await setUp();
    const b = await startInstance({ simulator, knex, notifications });
    cleanups.push(b.stop);

    await a.record();
    // The first evaluation is the baseline.
    expect(sent).toEqual([]);

    breakWalArchiving(simulator);
    const healthyCluster = cnpgCluster(simulator);
    await a.record();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: 'component:default/odoo' },
      payload: {
        title: 'Backups of Odoo are critical',
        link: '/catalog/default/component/odoo/backups',
        scope: 'backups:status:component:default/odoo',
      },
    });
    expect(sent[0].payload.description).toMatch(
      /^Was healthy, now critical\.\ncnpg\/odoo-pg: WAL archiving is failing/,
    );

    // Later evaluations, on this replica or another sharing the database, send nothing.
    await a.record();
    await b.record();
    await b.record();
    expect(sent).toHaveLength(1);

    simulator.apply({
      ...healthyCluster,
      status: {
        ...healthyCluster.status,
        conditions: healthyCluster.status.conditions.map((c: any) =>
          c.type === 'ContinuousArchiving'
            ? { ...c, status: 'True', reason: 'ContinuousArchivingSuccess' }
            : c,
        ),
      },
    });
    await b.record();
    expect(sent).toHaveLength(2);
    expect(sent[1].payload).toMatchObject({
      title: 'Backups of Odoo are healthy again',
      description: 'Resolved: was critical, now healthy.',
      scope: 'backups:status:component:default/odoo',
    });
    await a.record();
    await b.record();
    expect(sent).toHaveLength(2);

    // Every run recorded each tier; only entities with a namespace are covered.
    const response = await request(a.server).get(
      '/api/backups/v1/entities/default/component/odoo/history',
    );
    expect(response.status).toBe(200);
    const history = backupsHistorySchema.parse(response.body);
    const cnpg = history.items.filter(p => p.tier.kind === 'cnpg');
    expect(cnpg.map(p => p.status)).toEqual([
      'healthy',
      'critical',
      'critical',
      'critical',
      'critical',
      'healthy',
      'healthy',
      'healthy',
    ]);
    expect(history.items).toHaveLength(3 * 8);
    expect(history.summary.map(s => `${s.tier.kind}/${s.tier.name}`)).toEqual(
      expect.arrayContaining([
        'cnpg/odoo-pg',
        'velero/odoo-daily',
        'volsync/odoo-filestore',
      ]),
    );
    const uncovered = await request(a.server).get(
      '/api/backups/v1/entities/default/component/odoo-website/history',
    );
    expect(uncovered.body.items).toEqual([]);
  });

  it('tells nothing when the status turns unknown, nor when it comes back to the same', async () => {
    const { simulator, sent, a } = await setUp();
    await a.record();
    const removeFault = simulator.injectFault({
      kind: 'forbidden',
      group: 'postgresql.cnpg.io',
    });
    const overview = await request(a.server).get(
      '/api/backups/v1/entities/default/component/odoo/overview',
    );
    expect(overview.body.status).toBe('unknown');
    await a.record();
    removeFault();
    await a.record();
    expect(sent).toEqual([]);

    // unknown in between: the change is measured from the last known status.
    simulator.injectFault({ kind: 'forbidden', group: 'postgresql.cnpg.io' });
    await a.record();
    simulator.clearFaults();
    breakWalArchiving(simulator);
    await a.record();
    expect(sent.map(s => s.payload.title)).toEqual([
      'Backups of Odoo are critical',
    ]);
  });

  it('tells the owners on the next evaluation when sending failed', async () => {
    const failures = { count: 1 };
    const { simulator, sent, a } = await setUp(failures);
    await a.record();
    breakWalArchiving(simulator);
    await a.record();
    expect(failures.count).toBe(0);
    expect(sent).toEqual([]);
    await a.record();
    expect(sent.map(s => s.payload.title)).toEqual([
      'Backups of Odoo are critical',
    ]);
    await a.record();
    expect(sent).toHaveLength(1);
  });
});

describe('owners are told through the notifications backend', () => {
  it('delivers to the members of the owning group, with a link to the tab', async () => {
    const simulator = await KubeSimulator.start({
      port: 0,
      scenario: 'healthy',
    });
    const scheduler = mockServices.scheduler();
    const backend = await startTestBackend({
      features: [
        backupsPlugin,
        notificationsPlugin,
        catalogServiceMock.factory({
          entities: [
            odoo,
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'erp-team', namespace: 'default' },
              spec: { type: 'team', children: [] },
              relations: [
                { type: 'hasMember', targetRef: 'user:default/alice' },
              ],
            },
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name: 'alice', namespace: 'default' },
              spec: {},
            },
          ],
        }),
        schedulerFactory(scheduler),
        mockServices.rootConfig.factory({
          data: {
            ...clusterConfig(simulator),
            app: { baseUrl: 'http://localhost:3000' },
          },
        }),
      ],
    });
    try {
      await scheduler.triggerTask(HISTORY_TASK_ID);
      breakWalArchiving(simulator);
      await scheduler.triggerTask(HISTORY_TASK_ID);
      await scheduler.triggerTask(HISTORY_TASK_ID);

      const inbox = async (user: string) =>
        request(backend.server)
          .get('/api/notifications')
          .set('Authorization', mockCredentials.user.header(user));
      const alice = await inbox('user:default/alice');
      expect(alice.status).toBe(200);
      expect(alice.body.totalCount).toBe(1);
      expect(alice.body.notifications[0]).toMatchObject({
        origin: 'plugin:backups',
        payload: {
          title: 'Backups of Odoo are critical',
          link: '/catalog/default/component/odoo/backups',
          topic: 'backups',
          scope: 'backups:status:component:default/odoo',
        },
      });
      expect((await inbox('user:default/bob')).body.totalCount).toBe(0);
    } finally {
      await backend.stop();
      await simulator.stop();
    }
  });
});
