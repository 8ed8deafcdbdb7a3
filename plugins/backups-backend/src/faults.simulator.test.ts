import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  backupsOverviewSchema,
  type BackupsOverview,
} from '@internal/plugin-backups-common';
import { KubeSimulator, type Fault } from '@internal/kube-simulator';
import request from 'supertest';
import { backupsPlugin } from './plugin';

/**
 * The overview against a cluster that fails in every way the simulator can:
 * each answer is a 200 within the overview's deadline, names the failing
 * source, keeps the other sources' tiers, never says healthy while a source
 * fails, leaks neither address nor token, and is healthy again once the
 * fault is gone.
 */

/** The backups plugin's own token (backups.kubernetes.credentials). */
const TOKEN = 'faults-test-token-5f0c2a9e7b1d';
/** The cluster's token in kubernetes.clusterLocatorMethods: the Kubernetes plugin's. */
const SHARED_TOKEN = 'faults-test-shared-token-8d3b6e0a4c2f';
/** The overview's deadline; the latency faults wait longer than this. */
const DEADLINE_MS = 2000;
const LATENCY_MS = 8000;

const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'odoo',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-namespace': 'business-system',
      'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=odoo',
    },
  },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

const TIER_KINDS = ['cnpg', 'velero', 'volsync'] as const;

let simulator: KubeSimulator;
let port: number;
let server: Parameters<typeof request>[0];

function startSimulator(onPort: number) {
  // The default identity is `backups`: the request log reads as the plugin's.
  return KubeSimulator.start({
    port: onPort,
    scenario: 'healthy',
    token: TOKEN,
    tokens: { kubernetes: SHARED_TOKEN },
  });
}

beforeAll(async () => {
  simulator = await startSimulator(0);
  port = Number(new URL(simulator.url).port);
  const backend = await startTestBackend({
    features: [
      backupsPlugin,
      catalogServiceMock.factory({ entities: [odoo] }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'sim',
                    url: simulator.url,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: SHARED_TOKEN,
                    skipTLSVerify: true,
                  },
                ],
              },
            ],
          },
          backups: {
            kubernetes: {
              // The plugin's own service account, not the Kubernetes plugin's.
              credentials: [{ cluster: 'sim', serviceAccountToken: TOKEN }],
              // Small pages, so that lists have a page 2 and follow `continue`.
              pageSize: 2,
              timeoutMs: DEADLINE_MS,
            },
            // These faults hit single requests, so they are the per-request
            // listing layer's; the cache's (watch cut, relist, forbidden
            // watch, staleness) are in cache/CachingClusterState.simulator.test.ts.
            cache: { enabled: false },
          },
        },
      }),
    ],
  });
  server = backend.server;
}, 30_000);

afterEach(() => simulator.clearFaults());
afterAll(() => simulator.stop());

async function overview(): Promise<BackupsOverview> {
  const response = await request(server).get(
    '/api/backups/v1/entities/default/component/odoo/overview',
  );
  expect(response.status).toBe(200);
  const text = JSON.stringify(response.body);
  // Nothing that reaches a browser names the cluster's address or the token.
  for (const secret of [
    simulator.url,
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    TOKEN,
    SHARED_TOKEN,
  ])
    expect(text).not.toContain(secret);
  return backupsOverviewSchema.parse(response.body);
}

function errorSources(o: BackupsOverview) {
  return [...new Set(o.clusters[0].errors.map(e => e.source))].sort();
}

function tierKinds(o: BackupsOverview) {
  return o.clusters[0].tiers.map(t => t.kind);
}

/** The tiers of the sources that did not fail are there, and healthy. */
function expectOtherTiersIntact(o: BackupsOverview) {
  const failing = errorSources(o);
  const intact = TIER_KINDS.filter(kind => !failing.includes(kind));
  expect(intact.length).toBeGreaterThan(0);
  for (const kind of intact) {
    expect(o.clusters[0].tiers).toContainEqual(
      expect.objectContaining({ kind, status: 'healthy' }),
    );
  }
}

async function expectHealthy() {
  const o = await overview();
  expect(o.clusters[0].errors).toEqual([]);
  expect(tierKinds(o)).toEqual(['cnpg', 'velero', 'volsync']);
  expect(o.status).toBe('healthy');
  return o;
}

/** Injects a fault, reads the overview, removes the fault and sees the overview recover. */
async function withFault(fault: Fault): Promise<BackupsOverview> {
  const remove = simulator.injectFault(fault);
  let o: BackupsOverview;
  try {
    o = await overview();
  } finally {
    remove();
  }
  await expectHealthy();
  return o;
}

describe('backups overview when the cluster fails', () => {
  it("is healthy without faults, read with the plugin's own token, LIST only", async () => {
    simulator.clearRequestLog();
    await expectHealthy();
    const log = simulator.requestLog();
    expect(log.length).toBeGreaterThan(0);
    expect(new Set(log.map(e => e.identity))).toEqual(new Set(['backups']));
    expect(new Set(log.map(e => e.verb))).toEqual(new Set(['list']));
  });

  it('a token the cluster rejects (401): every source says Unauthorized', async () => {
    const o = await withFault({ kind: 'unauthorized', identity: 'backups' });
    const { errors } = o.clusters[0];
    expect(errorSources(o)).toEqual(
      expect.arrayContaining(['cnpg', 'velero', 'volsync']),
    );
    for (const error of errors)
      expect(error).toMatchObject({ reason: 'Unauthorized', statusCode: 401 });
    expect(o.clusters[0].tiers).toEqual([]);
    expect(o.status).not.toBe('healthy');
  });

  it('403 on one API group: that source names the RBAC rule, the others render', async () => {
    const o = await withFault({
      kind: 'forbidden',
      group: 'postgresql.cnpg.io',
    });
    expect(errorSources(o)).toEqual(['cnpg']);
    expect(o.clusters[0].errors).toContainEqual(
      expect.objectContaining({
        source: 'cnpg',
        reason: 'Forbidden',
        statusCode: 403,
        rbac: {
          verb: 'list',
          group: 'postgresql.cnpg.io',
          resource: 'clusters',
          namespace: 'business-system',
        },
      }),
    );
    expect(tierKinds(o)).not.toContain('cnpg');
    expectOtherTiersIntact(o);
    expect(o.status).not.toBe('healthy');
  });

  it('a missing CRD group: "not installed" is data, the other tiers remain', async () => {
    const o = await withFault({
      kind: 'missingGroup',
      group: 'volsync.backube',
    });
    expect(o.clusters[0].errors).toEqual([
      expect.objectContaining({
        source: 'volsync',
        reason: 'NotInstalled',
        statusCode: 404,
        message: expect.stringMatching(
          /^VolSync is not installed on cluster "sim"/,
        ),
      }),
    ]);
    expect(tierKinds(o)).toEqual(['cnpg', 'velero']);
    expectOtherTiersIntact(o);
    // Not a failing source: an absent tool is an answer, so it leaves the
    // picture proven (BackupsOverviewService counts every reason but
    // NotInstalled as unread), and the filestore is still covered by Velero.
    expect(o.status).toBe('healthy');
  });

  it('30% of requests answer 500 (seeded): the sources hit say so, the others render', async () => {
    const o = await withFault({ kind: 'flaky', fraction: 0.3, seed: 7 });
    const { errors } = o.clusters[0];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors)
      expect(error).toMatchObject({ reason: 'ServerError', statusCode: 500 });
    expectOtherTiersIntact(o);
    expect(o.status).not.toBe('healthy');
  });

  it(
    'latency past the deadline on one group: that source times out, the others render',
    async () => {
      const o = await withFault({
        kind: 'latency',
        delayMs: LATENCY_MS,
        group: 'volsync.backube',
      });
      expect(o.clusters[0].errors).toEqual([
        expect.objectContaining({ source: 'volsync', reason: 'Timeout' }),
      ]);
      expectOtherTiersIntact(o);
      expect(o.status).not.toBe('healthy');
    },
    // Less than the latency: finishing at all shows the deadline was kept.
    LATENCY_MS - 1000,
  );

  it(
    'latency past the deadline on every request: every source times out',
    async () => {
      const o = await withFault({ kind: 'latency', delayMs: LATENCY_MS });
      expect(errorSources(o)).toEqual(
        expect.arrayContaining(['cnpg', 'velero', 'volsync']),
      );
      for (const error of o.clusters[0].errors)
        expect(error.reason).toBe('Timeout');
      expect(o.status).not.toBe('healthy');
    },
    LATENCY_MS - 1000,
  );

  it('a page that fails mid-list: the whole list is unread, not half of it', async () => {
    const o = await withFault({
      kind: 'failPage',
      page: 2,
      group: 'velero.io',
      resource: 'backups',
    });
    expect(o.clusters[0].errors).toEqual([
      expect.objectContaining({
        source: 'velero',
        reason: 'ServerError',
        statusCode: 500,
      }),
    ]);
    // The scheduled backups' list failed on page 2: none of page 1 is kept
    // either. The manual backups' list fits one page and is read.
    const backups = o.clusters[0].velero?.backups ?? [];
    expect(backups.filter(b => b.schedule === 'odoo-daily')).toEqual([]);
    expect(backups.map(b => b.name)).toEqual([
      expect.stringMatching(/^odoo-test-/),
    ]);
    expectOtherTiersIntact(o);
    expect(o.status).not.toBe('healthy');
  });

  it('a server that repeats the same continue token: caught, not followed forever', async () => {
    const o = await withFault({
      kind: 'repeatContinue',
      group: 'velero.io',
      resource: 'backups',
    });
    // Both Backup lists (scheduled and manual) meet the repeated token.
    expect(errorSources(o)).toEqual(['velero']);
    for (const error of o.clusters[0].errors)
      expect(error).toMatchObject({
        reason: 'ServerError',
        message: expect.stringMatching(
          /^Gave up listing backups\.velero\.io in namespace velero on cluster "sim": the API server repeated a continue token/,
        ),
      });
    expectOtherTiersIntact(o);
    expect(o.status).not.toBe('healthy');
  });

  it('an unreachable cluster: every source says so without the address, and it comes back', async () => {
    await simulator.stop();
    const o = await overview();
    expect(errorSources(o)).toEqual(
      expect.arrayContaining(['cnpg', 'velero', 'volsync']),
    );
    for (const error of o.clusters[0].errors)
      expect(error.message).toMatch(/connection refused/);
    expect(o.clusters[0].tiers).toEqual([]);
    expect(o.status).not.toBe('healthy');

    simulator = await startSimulator(port);
    await expectHealthy();
  });
});
