import {
  ConnectionProbe,
  ListCall,
  peerRequest,
  startBackupsBackend,
  startKubernetesBackend,
  TestBackend,
} from './backends';
import {
  atOneInstant,
  byRequest,
  comparable,
  getOverview,
  loadTab,
  watching,
} from './overviews';
import { PAGE_SIZE, RawLister } from './rawLists';
import {
  backupBytes,
  coldBurst,
  coldStarts,
  log,
  P4,
  warmBackend,
  warmBurst,
  weighInChild,
} from './scaleFigures';
import { SimulatorProcess, TOKENS } from './SimulatorProcess';
import { Latency, measureTogether, time } from './timing';

export { WARMUP_TIMEOUT } from './scaleFigures';
export const SCHEDULES = 50;
export const LATENCY_MS = 2;
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
  p4?: P4;
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

/** The peer's answer, which must be 200. */
async function peerAnswer(baseUrl: string): Promise<string> {
  const res = await peerRequest(baseUrl);
  const text = await res.text();
  if (!res.ok) throw new Error(`peer: HTTP ${res.status} ${text}`);
  return text;
}

/** Every figure at one scale, on one simulator. */
export async function runScale(options: {
  backups: number;
  samples: number;
  peer: boolean;
}): Promise<ScaleResult> {
  const { backups } = options;
  const step = (what: string) => log(`${backups} backups: ${what}`);
  step('starting the simulator');
  const sim = await SimulatorProcess.start({
    backups,
    schedules: SCHEDULES,
    latencyMs: LATENCY_MS,
  });
  const backends: TestBackend[] = [];
  try {
    const lister = new RawLister(sim.url, TOKENS.backups);
    step('P4 heap of the cache, in a process of its own');
    const p4 = await weighInChild(sim, backups);
    const warm = await warmBackend(sim, backups);
    backends.push(warm.backend);
    const cachedUrl = warm.backend.baseUrl;

    step('P1 warm overview, listing layer, floor, peer');
    const offProbe = new ConnectionProbe();
    const listing = await startBackupsBackend({
      simulatorUrl: sim.url,
      cache: false,
      probe: offProbe,
    });
    backends.push(listing);
    await getOverview(listing.baseUrl);
    const calls = distinct(offProbe.calls);
    const k8s = options.peer
      ? await startKubernetesBackend({ simulatorUrl: sim.url })
      : undefined;
    if (k8s) backends.push(k8s);
    const series: Record<string, () => Promise<unknown>> = {
      cached: () => getOverview(cachedUrl),
      listing: () => getOverview(listing.baseUrl),
      floor: () => Promise.all(calls.map(c => lister.list(c))),
    };
    if (k8s) series.peer = () => peerAnswer(k8s.baseUrl);
    const p1 = await measureTogether(series, options.samples);

    step('P2 API requests per tab load');
    await watching(sim, warm.probe);
    const tabLoads = [];
    for (let i = 0; i < 5; i++) {
      const { requests } = await sim.requestsDuring(() => loadTab(cachedUrl));
      tabLoads.push(byRequest(requests, 'backups'));
    }
    const peerCall = k8s
      ? await sim.requestsDuring(() => peerAnswer(k8s.baseUrl))
      : undefined;

    step('P6 100 concurrent overviews (warm)');
    const burst = await warmBurst(sim, cachedUrl);

    // The two layers answer the same at the same instant.
    const [fromCache, fromList] = await atOneInstant(() =>
      Promise.all([getOverview(cachedUrl), getOverview(listing.baseUrl)]),
    );
    if (
      JSON.stringify(comparable(fromCache)) !==
      JSON.stringify(comparable(fromList))
    )
      step(
        'the cached and listed overviews differ (a controller changed objects?)',
      );

    // The cold figures last, the warm backends idle.
    step('P3 cold first request, and one raw LIST of all Backups');
    const cold = await coldStarts(sim, 3);
    const rawAll: number[] = [];
    for (let i = 0; i < 3; i++)
      rawAll.push(await time(() => lister.list(ALL_BACKUPS)));

    step('P6 100 concurrent overviews on a fresh backend');
    const cachedObjects = warm.probe.sizes();
    const coldFigures = await coldBurst(sim);
    return {
      backups,
      backupBytes: await backupBytes(sim),
      cachedObjects,
      p1: {
        cached: p1.cached,
        listing: p1.listing,
        floor: p1.floor,
        floorCalls: calls.map(describeCall),
        peer: p1.peer,
        overviewBytes: fromCache.length,
        peerBytes: peerCall?.result.length,
      },
      p2: {
        tabLoads,
        peer: peerCall && byRequest(peerCall.requests, 'kubernetes'),
      },
      p3: { cold: cold.cold, rawAll, notReady: cold.notReady },
      p4,
      p6: {
        warm: burst,
        cold: {
          ...coldFigures,
          expectedPages: Object.fromEntries(
            Object.entries(cachedObjects).map(([kind, n]) => [
              kind,
              Math.max(1, Math.ceil(n / PAGE_SIZE)),
            ]),
          ),
        },
      },
    };
  } finally {
    for (const backend of backends.reverse()) await backend.stop();
    await sim.stop();
  }
}
