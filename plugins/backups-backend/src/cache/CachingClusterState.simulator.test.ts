import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  KubeSimulator,
  scenarioNames,
  type Fault,
  type ScenarioName,
} from '@internal/kube-simulator';
import { parseLabelSelector } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { ClusterState } from '../cluster/ClusterState';
import { createKubeConfig } from '../cluster/createKubeConfig';
import { ListingClusterState } from '../cluster/ListingClusterState';
import { resources } from '../cluster/resources';
import { readClusterSnapshot } from '../readers/readClusterSnapshot';
import { readVerdictConfig } from '../service/readVerdictConfig';
import { evaluateClusterSnapshot } from '../verdict/evaluateClusterSnapshot';
import { CacheSettings } from './cacheSettings';
import { CachingClusterState } from './CachingClusterState';

const target = {
  cluster: 'sim',
  namespace: 'business-system',
  labelSelector: parseLabelSelector('app.kubernetes.io/name=odoo'),
  pinned: {},
};
const velero = {
  namespace: 'velero',
  deploymentName: 'velero',
  nodeAgentName: 'node-agent',
};
const now = DateTime.utc();
const verdict = readVerdictConfig(new ConfigReader({}));

const settings: CacheSettings = {
  enabled: true,
  staleAfterMs: 1_500,
  warmupTimeoutMs: 5_000,
  pollIntervalMs: 100,
  watchTimeoutSeconds: 300,
  retryInitialMs: 20,
  retryMaxMs: 100,
};

jest.setTimeout(60_000);

let simulator: KubeSimulator | undefined;
let cache: CachingClusterState | undefined;

afterEach(async () => {
  await cache?.stop();
  await simulator?.stop();
  cache = undefined;
  simulator = undefined;
});

function states(sim: KubeSimulator, overrides: Partial<CacheSettings> = {}) {
  const kubeConfig = createKubeConfig({
    name: 'sim',
    url: sim.url,
    authMetadata: { serviceAccountToken: sim.token },
    skipTLSVerify: true,
  });
  // Small pages: informers must follow `continue` too.
  const live = ListingClusterState.create({
    clusterName: 'sim',
    kubeConfig,
    pageSize: 3,
  });
  cache = CachingClusterState.create({
    clusterName: 'sim',
    kubeConfig,
    live,
    settings: { ...settings, ...overrides },
    veleroNamespace: 'velero',
    logger: mockServices.logger.mock(),
  });
  cache.start();
  return { live, cache };
}

async function overviewOf(state: ClusterState) {
  const snapshot = await readClusterSnapshot(state, target, { velero });
  return evaluateClusterSnapshot(snapshot, {
    now,
    ...verdict,
    annotationTargets: {},
  });
}

/** Waits until `check` passes; the bound only stops a hung test. */
async function eventually<T>(check: () => Promise<T> | T, boundMs = 15_000) {
  const until = Date.now() + boundMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise(r => setTimeout(r, 25));
    }
  }
}

function veleroTier(overview: Awaited<ReturnType<typeof overviewOf>>) {
  return overview.tiers.find(t => t.kind === 'velero')!;
}

function source(c: CachingClusterState, kind: string) {
  return c
    .describe()
    .find(s => `${s.resource.plural}.${s.resource.group}` === kind)!;
}

async function start(scenario: ScenarioName, faults: Fault[] = []) {
  simulator = await KubeSimulator.start({
    port: 0,
    scenario,
    requestLogDir: '',
  });
  for (const fault of faults) simulator.injectFault(fault);
  return simulator;
}

describe('the watch-fed cache against the simulator', () => {
  it.each(scenarioNames)(
    '%s: the cached overview equals the listed one, and costs no API request',
    async scenario => {
      const sim = await start(scenario);
      const { live, cache: cached } = states(sim);
      await eventually(() => {
        expect(cached.describe().filter(s => s.state === 'warming')).toEqual(
          [],
        );
      });
      // Controllers may change objects meanwhile: compare a cached read with
      // a listed one taken right after, until both saw the same cluster.
      await eventually(async () => {
        const fromCache = await overviewOf(cached);
        const listed = await overviewOf(live);
        expect(fromCache).toEqual(listed);
      });
      sim.clearRequestLog();
      await overviewOf(cached);
      // Only kinds the cache may not list across the cluster (RBAC) are
      // read per request; every other kind comes from memory.
      const perRequest = new Set(
        cached
          .describe()
          .filter(s => s.mode === 'list')
          .map(s => s.resource.plural),
      );
      expect(perRequest.size).toBe(scenario === 'forbidden' ? 1 : 0);
      expect(
        sim
          .requestLog()
          .filter(e => !e.nonResourceURL && e.verb !== 'watch')
          .filter(e => !perRequest.has(e.resource!)),
      ).toEqual([]);
    },
  );

  it('watch events update the overview', async () => {
    const sim = await start('healthy');
    const { cache: cached } = states(sim);
    expect(veleroTier(await overviewOf(cached)).status).toBe('healthy');
    const schedule = sim.get(
      'velero.io/v1',
      'Schedule',
      'velero',
      'odoo-daily',
    )!;
    sim.apply({ ...schedule, spec: { ...schedule.spec, paused: true } });
    const paused = await eventually(async () => {
      const tier = veleroTier(await overviewOf(cached));
      expect(tier.findings?.map(f => f.code)).toContain(
        'velero.schedule.paused',
      );
      return tier;
    });
    expect(paused.status).not.toBe('healthy');
    // Nothing was listed again: the change came through the watch.
    expect(
      sim
        .requestLog()
        .filter(e => e.verb === 'list' && e.resource === 'schedules'),
    ).toHaveLength(1);
  });

  it('relists after 410 Gone, and sees what changed while it was cut off', async () => {
    const sim = await start('healthy');
    const { cache: cached } = states(sim);
    await overviewOf(cached);
    const cut = sim.injectFault({
      kind: 'status',
      status: 503,
      group: 'velero.io',
      resource: 'schedules',
      verbs: ['watch'],
    });
    sim.closeWatches();
    const schedulesLog = () =>
      sim
        .requestLog()
        .filter(e => e.resource === 'schedules')
        .map(e => `${e.verb} ${e.status}`);
    await eventually(() => expect(schedulesLog()).toContain('watch 503'));
    const schedule = sim.get(
      'velero.io/v1',
      'Schedule',
      'velero',
      'odoo-daily',
    )!;
    sim.apply({ ...schedule, spec: { ...schedule.spec, paused: true } });
    // etcd compacted the history: the watch cannot resume from where it was.
    sim.compactEvents();
    cut();
    await eventually(async () => {
      expect(
        veleroTier(await overviewOf(cached)).findings?.map(f => f.code),
      ).toContain('velero.schedule.paused');
    });
    // The resumed watch got 410 Gone (inside a 200 stream); one relist followed.
    expect(schedulesLog().filter(e => e.startsWith('list'))).toEqual([
      'list 200',
      'list 200',
    ]);
  });

  it('polls with LISTs where watch is forbidden, and says so', async () => {
    const sim = await start('healthy', [
      {
        kind: 'forbidden',
        group: 'velero.io',
        resource: 'schedules',
        verbs: ['watch'],
      },
    ]);
    const { cache: cached } = states(sim);
    await overviewOf(cached);
    await eventually(() => {
      expect(source(cached, 'schedules.velero.io')).toMatchObject({
        mode: 'poll',
        state: 'ready',
      });
    });
    expect(source(cached, 'backups.velero.io').mode).toBe('watch');
    const schedule = sim.get(
      'velero.io/v1',
      'Schedule',
      'velero',
      'odoo-daily',
    )!;
    sim.apply({ ...schedule, spec: { ...schedule.spec, paused: true } });
    await eventually(async () => {
      expect(
        veleroTier(await overviewOf(cached)).findings?.map(f => f.code),
      ).toContain('velero.schedule.paused');
    });
  });

  it('turns data into unknown once its watch has been cut longer than the bound, and recovers', async () => {
    const sim = await start('healthy');
    const { cache: cached } = states(sim);
    expect(veleroTier(await overviewOf(cached)).status).toBe('healthy');
    const outage = sim.injectFault({
      kind: 'status',
      status: 503,
      group: 'velero.io',
    });
    sim.closeWatches();
    // Within the bound, the last data stands, with its age.
    await eventually(() => {
      expect(source(cached, 'backups.velero.io').state).toBe('error');
    });
    const overview = await eventually(async () => {
      const o = await overviewOf(cached);
      expect(veleroTier(o)?.status ?? 'unknown').toBe('unknown');
      return o;
    });
    expect(overview.errors.map(e => e.reason)).toContain('Stale');
    expect(source(cached, 'backups.velero.io').state).toBe('stale');
    expect(
      overview.tiers.filter(t => t.kind === 'velero' && t.status === 'healthy'),
    ).toEqual([]);

    outage();
    await eventually(async () => {
      expect(veleroTier(await overviewOf(cached)).status).toBe('healthy');
    });
  });

  it('answers a kind still warming up as pending after the warm-up bound, then with data', async () => {
    const sim = await start('healthy');
    const slow = sim.injectFault({
      kind: 'latency',
      delayMs: 1_500,
      group: 'velero.io',
      resource: 'backups',
    });
    const { cache: cached } = states(sim, { warmupTimeoutMs: 200 });
    const overview = await overviewOf(cached);
    expect(overview.errors).toContainEqual(
      expect.objectContaining({ reason: 'Pending', source: 'velero' }),
    );
    expect(veleroTier(overview)?.status ?? 'unknown').toBe('unknown');
    slow();
    await eventually(async () => {
      expect(veleroTier(await overviewOf(cached)).status).toBe('healthy');
    });
  });

  it('lists a kind that is not served at the poll interval, and watches it once its CRD appears', async () => {
    const sim = await start('healthy');
    const missing = sim.injectFault({
      kind: 'missingGroup',
      group: 'volsync.backube',
    });
    const { cache: cached } = states(sim);
    const before = await overviewOf(cached);
    expect(before.errors).toContainEqual(
      expect.objectContaining({ source: 'volsync', reason: 'NotInstalled' }),
    );
    expect(source(cached, 'replicationsources.volsync.backube').mode).toBe(
      'poll',
    );
    missing();
    await eventually(async () => {
      const o = await overviewOf(cached);
      expect(o.tiers.map(t => t.kind)).toContain('volsync');
    });
    await eventually(() =>
      expect(
        source(cached, 'replicationsources.volsync.backube'),
      ).toMatchObject({
        mode: 'watch',
        state: 'ready',
      }),
    );
  });

  it('never lets a reader change what it caches', async () => {
    const sim = await start('healthy');
    const { cache: cached } = states(sim);
    const [schedule] = await cached.list(resources.veleroSchedules, {
      namespace: 'velero',
    });
    expect(() => {
      schedule.spec.paused = true;
    }).toThrow(TypeError);
  });
});

describe('the listing layer', () => {
  it('shares one fetch between concurrent identical LISTs', async () => {
    const sim = await start('healthy');
    const live = ListingClusterState.create({
      clusterName: 'sim',
      kubeConfig: createKubeConfig({
        name: 'sim',
        url: sim.url,
        authMetadata: { serviceAccountToken: sim.token },
        skipTLSVerify: true,
      }),
      pageSize: 3,
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        live.list(resources.veleroBackups, { namespace: 'velero' }),
      ),
    );
    expect(new Set(results.map(r => r.length)).size).toBe(1);
    const lists = sim
      .requestLog()
      .filter(e => e.verb === 'list' && e.resource === 'backups');
    // One paged LIST (3 items a page), not twenty.
    expect(lists.length).toBe(Math.ceil(results[0].length / 3));
  });
});
