import {
  ConnectionProbe,
  ListCall,
  peerRequest,
  RESTORES,
  startBackupsBackend,
  startKubernetesBackend,
  TestBackend,
} from './backends';
import { canWeighHeap, HeapBreakdown, settledHeap, weighBackup } from './heap';
import {
  atOneInstant,
  byRequest,
  comparable,
  getOverview,
  notReady,
  warmed,
  watching,
} from './overviews';
import { PAGE_SIZE, RawLister } from './rawLists';
import { SimulatorProcess, TOKENS } from './SimulatorProcess';
import { getOk, latency, Latency, measure, percentile, time } from './timing';

export const SCHEDULES = 50;
export const LATENCY_MS = 2;
/** How long a cold request may wait for the cache (the default is 5 s). */
export const WARMUP_TIMEOUT = '10m';
const ALL_BACKUPS: ListCall = {
  resource: {
    group: 'velero.io',
    version: 'v1',
    kind: 'Backup',
    plural: 'backups',
  },
  options: { namespace: 'velero' },
};

export type ScaleResult = {
  backups: number;
  /** Average size of a Backup as the API server sends it (JSON bytes). */
  backupBytes: number;
  cachedObjects: Record<string, number>;
  p1: {
    cached: Latency;
    listing: Latency;
    floor: Latency;
    floorCalls: string[];
    peer?: Latency;
    overviewBytes: number;
    peerBytes?: number;
  };
  p2: {
    tabLoads: Array<Record<string, number>>;
    peer?: Record<string, number>;
  };
  p3: { cold: number[]; rawAll: number[]; notReady: string[] };
  p4?: {
    perBackup: number;
    heapDelta: number;
    cachedTotal: number;
    breakdown: HeapBreakdown;
  };
  p6: {
    warm: {
      errors: number;
      requests: Record<string, number>;
      latency: Latency;
      wallMs: number;
    };
    cold: {
      errors: number;
      requests: Record<string, number>;
      expectedPages: Record<string, number>;
      wallMs: number;
    };
  };
};

const distinct = (calls: ListCall[]) => [
  ...new Map(calls.map(c => [JSON.stringify(c), c])).values(),
];

const describeCall = ({ resource, options }: ListCall) =>
  `${resource.plural}${resource.group ? `.${resource.group}` : ''}${
    options.namespace ? ` in ${options.namespace}` : ''
  }${options.labelSelector ? ` -l ${options.labelSelector}` : ''}${
    options.fieldSelector ? ` --field-selector ${options.fieldSelector}` : ''
  }`;

function log(message: string) {
  process.stderr.write(`bench: ${message}\n`);
}

/** Average JSON bytes of a Backup in a LIST page, as client-node receives it. */
async function backupBytes(sim: SimulatorProcess): Promise<number> {
  const res = await fetch(
    `${sim.url}/apis/velero.io/v1/namespaces/velero/backups?limit=${PAGE_SIZE}`,
    { headers: { Authorization: `Bearer ${TOKENS.backups}` } },
  );
  const text = await res.text();
  return Math.round(text.length / JSON.parse(text).items.length);
}

/** P4: the heap a warm cache adds, per cached Backup. */
async function weighCache(sim: SimulatorProcess, backups: number) {
  const probe = new ConnectionProbe({ holdCacheStart: true });
  const backend = await startBackupsBackend({
    simulatorUrl: sim.url,
    cache: true,
    probe,
  });
  const before = await settledHeap();
  probe.startCache();
  await warmed(probe, backups);
  const after = await settledHeap();
  const sizes = probe.sizes();
  const [sample] = await probe.connection!.state.list(ALL_BACKUPS.resource, {
    namespace: 'velero',
    labelSelector: 'velero.io/schedule-name=app-07-daily',
  });
  return {
    backend,
    probe,
    p4: canWeighHeap
      ? {
          perBackup: (after - before) / sizes['velero.io/backups'],
          heapDelta: after - before,
          cachedTotal: Object.values(sizes).reduce((a, b) => a + b, 0),
          breakdown: await weighBackup(sample),
        }
      : undefined,
  };
}

/** P3: a fresh backend's first overview, while its cache warms. */
async function coldStarts(sim: SimulatorProcess, runs: number) {
  const cold: number[] = [];
  const missing: string[] = [];
  for (let i = 0; i < runs; i++) {
    const backend = await startBackupsBackend({
      simulatorUrl: sim.url,
      cache: true,
      probe: new ConnectionProbe(),
      warmupTimeout: WARMUP_TIMEOUT,
    });
    let body = '';
    cold.push(
      await time(async () => (body = await getOverview(backend.baseUrl))),
    );
    missing.push(...notReady(body));
    await backend.stop();
  }
  return { cold, notReady: missing };
}

/** P6: 100 overviews at once; their errors and the API requests they cause. */
async function concurrent(sim: SimulatorProcess, baseUrl: string) {
  const samples: number[] = [];
  let errors = 0;
  const started = performance.now();
  const { requests } = await sim.requestsDuring(() =>
    Promise.all(
      Array.from({ length: 100 }, async () => {
        try {
          samples.push(await time(() => getOverview(baseUrl)));
        } catch {
          errors += 1;
        }
      }),
    ),
  );
  return {
    errors,
    requests: byRequest(requests, 'backups'),
    latency: latency(samples.length ? samples : [NaN]),
    wallMs: performance.now() - started,
  };
}

/** Every figure at one scale, on one simulator. */
export async function runScale(options: {
  backups: number;
  samples: number;
  peer: boolean;
}): Promise<ScaleResult> {
  const { backups, samples } = options;
  log(`${backups} backups: starting the simulator`);
  const sim = await SimulatorProcess.start({
    backups,
    schedules: SCHEDULES,
    latencyMs: LATENCY_MS,
  });
  const backends: TestBackend[] = [];
  try {
    const lister = new RawLister(sim.url, TOKENS.backups);
    log(`${backups} backups: P4 heap of the cache`);
    const warm = await weighCache(sim, backups);
    backends.push(warm.backend);
    const cachedObjects = warm.probe.sizes();

    log(`${backups} backups: P1 warm overview, listing layer, floor`);
    const offProbe = new ConnectionProbe();
    const listing = await startBackupsBackend({
      simulatorUrl: sim.url,
      cache: false,
      probe: offProbe,
    });
    backends.push(listing);
    await getOverview(listing.baseUrl);
    const calls = distinct(offProbe.calls);
    const cached = await measure(samples, () =>
      getOverview(warm.backend.baseUrl),
    );
    const listed = await measure(samples, () => getOverview(listing.baseUrl));
    const floor = await measure(samples, () =>
      Promise.all(calls.map(c => lister.list(c))),
    );
    const overviewBytes = (await getOverview(warm.backend.baseUrl)).length;

    log(`${backups} backups: P2 API requests per tab load`);
    await watching(sim, warm.probe);
    const tabLoads = [];
    for (let i = 0; i < 5; i++) {
      const { requests } = await sim.requestsDuring(() =>
        Promise.all([
          getOverview(warm.backend.baseUrl),
          getOk(`${warm.backend.baseUrl}${RESTORES}`),
        ]),
      );
      tabLoads.push(byRequest(requests, 'backups'));
    }

    let peer: Latency | undefined;
    let peerRequests: Record<string, number> | undefined;
    let peerBytes: number | undefined;
    if (options.peer) {
      log(`${backups} backups: P1 peer (plugin-kubernetes-backend)`);
      const k8s = await startKubernetesBackend({ simulatorUrl: sim.url });
      backends.push(k8s);
      const call = async () => {
        const res = await peerRequest(k8s.baseUrl);
        const text = await res.text();
        if (!res.ok) throw new Error(`peer: HTTP ${res.status} ${text}`);
        return text;
      };
      peerBytes = (await call()).length;
      peer = await measure(samples, call);
      const { requests } = await sim.requestsDuring(call);
      peerRequests = byRequest(requests, 'kubernetes');
    }

    log(`${backups} backups: P6 100 concurrent overviews (warm)`);
    const warmBurst = await concurrent(sim, warm.backend.baseUrl);

    // The cold figures last: other backends idle meanwhile.
    log(
      `${backups} backups: P3 cold first request, and one raw LIST of all Backups`,
    );
    const cold = await coldStarts(sim, 3);
    const rawAll: number[] = [];
    for (let i = 0; i < 3; i++)
      rawAll.push(await time(() => lister.list(ALL_BACKUPS)));

    log(`${backups} backups: P6 100 concurrent overviews on a fresh backend`);
    const { requests: coldRequests, result: coldBurst } =
      await sim.requestsDuring(async () => {
        const fresh = await startBackupsBackend({
          simulatorUrl: sim.url,
          cache: true,
          probe: new ConnectionProbe(),
          warmupTimeout: WARMUP_TIMEOUT,
        });
        try {
          let errors = 0;
          const started = performance.now();
          const answers = await Promise.all(
            Array.from({ length: 100 }, () =>
              getOverview(fresh.baseUrl).catch(() => undefined),
            ),
          );
          errors = answers.filter(a => a === undefined).length;
          return { errors, wallMs: performance.now() - started };
        } finally {
          await fresh.stop();
        }
      });
    const expectedPages = Object.fromEntries(
      Object.entries(cachedObjects).map(([kind, n]) => [
        kind,
        Math.max(1, Math.ceil(n / PAGE_SIZE)),
      ]),
    );

    // The two layers answer the same at the same instant.
    const [fromCache, fromList] = await atOneInstant(() =>
      Promise.all([
        getOverview(warm.backend.baseUrl),
        getOverview(listing.baseUrl),
      ]),
    );
    if (
      JSON.stringify(comparable(fromCache)) !==
      JSON.stringify(comparable(fromList))
    )
      log(
        `${backups} backups: the cached and listed overviews differ (controllers may have changed objects)`,
      );

    return {
      backups,
      backupBytes: await backupBytes(sim),
      cachedObjects,
      p1: {
        cached,
        listing: listed,
        floor,
        floorCalls: calls.map(describeCall),
        peer,
        overviewBytes,
        peerBytes,
      },
      p2: { tabLoads, peer: peerRequests },
      p3: { cold: cold.cold, rawAll, notReady: cold.notReady },
      p4: warm.p4,
      p6: {
        warm: warmBurst,
        cold: {
          errors: coldBurst.errors,
          wallMs: coldBurst.wallMs,
          requests: byRequest(coldRequests, 'backups'),
          expectedPages,
        },
      },
    };
  } finally {
    for (const backend of backends.reverse()) await backend.stop();
    await sim.stop();
  }
}

export const median = (samples: number[]) => percentile(samples, 50);
