import { ConnectionProbe, startBackupsBackend } from './backends';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { settledHeap, weighBackup } from './heap';
import { track } from './running';
import { byRequest, getOverview, notReady, warmed } from './overviews';
import { PAGE_SIZE } from './rawLists';
import { SimulatorProcess, TOKENS } from './SimulatorProcess';
import { latency, time } from './timing';

/** How long a cold request may wait for the cache (the default is 5 s). */
export const WARMUP_TIMEOUT = '10m';

export function log(message: string) {
  process.stderr.write(`bench: ${message}\n`);
}

/** Average JSON bytes of a Backup in a LIST page, as client-node receives it. */
export async function backupBytes(sim: SimulatorProcess): Promise<number> {
  const res = await fetch(
    `${sim.url}/apis/velero.io/v1/namespaces/velero/backups?limit=${PAGE_SIZE}`,
    { headers: { Authorization: `Bearer ${TOKENS.backups}` } },
  );
  const text = await res.text();
  return Math.round(text.length / JSON.parse(text).items.length);
}

/**
 * P4, in this process: a backend whose cache starts only once the heap is
 * weighed, weighed again when warm; the growth per cached Backup.
 */
export async function weighCache(simulatorUrl: string, backups: number) {
  const probe = new ConnectionProbe({ holdCacheStart: true });
  const backend = await startBackupsBackend({
    simulatorUrl,
    cache: true,
    probe,
  });
  try {
    const before = await settledHeap();
    probe.startCache();
    await warmed(probe, backups);
    const after = await settledHeap();
    const sizes = probe.sizes();
    const [sample] = await probe.connection!.state.list(
      { group: 'velero.io', version: 'v1', kind: 'Backup', plural: 'backups' },
      {
        namespace: 'velero',
        labelSelector: 'velero.io/schedule-name=app-07-daily',
      },
    );
    return {
      perBackup: (after - before) / sizes['velero.io/backups'],
      heapDelta: after - before,
      cachedTotal: Object.values(sizes).reduce((a, b) => a + b, 0),
      breakdown: await weighBackup(sample),
    };
  } finally {
    await backend.stop();
  }
}

/**
 * P4 in a process of its own (`--expose-gc`), so that nothing the other
 * figures left on this heap is counted or freed meanwhile.
 */
export async function weighInChild(
  sim: SimulatorProcess,
  backups: number,
): Promise<P4 | undefined> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      join(
        dirname(require.resolve('@internal/bench/package.json')),
        'src/bin/weigh.ts',
      ),
      sim.url,
      String(backups),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const untrack = track(async () => {
    child.kill('SIGTERM');
  });
  let out = '';
  child.stdout!.on('data', chunk => (out += chunk));
  const code = await new Promise(r => child.once('exit', r));
  untrack();
  if (code !== 0) throw new Error(`weighing the cache failed (exit ${code})`);
  return JSON.parse(out);
}

export type P4 = Awaited<ReturnType<typeof weighCache>>;

/** A backend with the cache, warm, for the warm figures. */
export async function warmBackend(sim: SimulatorProcess, backups: number) {
  const probe = new ConnectionProbe();
  const backend = await startBackupsBackend({
    simulatorUrl: sim.url,
    cache: true,
    probe,
  });
  await warmed(probe, backups);
  return { backend, probe };
}

function freshBackend(sim: SimulatorProcess) {
  return startBackupsBackend({
    simulatorUrl: sim.url,
    cache: true,
    probe: new ConnectionProbe(),
    warmupTimeout: WARMUP_TIMEOUT,
  });
}

/** P3: a fresh backend's first overview, while its cache warms. */
export async function coldStarts(sim: SimulatorProcess, runs: number) {
  const cold: number[] = [];
  const missing: string[] = [];
  for (let i = 0; i < runs; i++) {
    const backend = await freshBackend(sim);
    let body = '';
    cold.push(
      await time(async () => (body = await getOverview(backend.baseUrl))),
    );
    missing.push(...notReady(body));
    await backend.stop();
  }
  return { cold, notReady: missing };
}

/** 100 overviews at once: their latencies and errors. */
async function burst(baseUrl: string) {
  const samples: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      try {
        samples.push(await time(() => getOverview(baseUrl)));
      } catch {
        errors += 1;
      }
    }),
  );
  return {
    errors,
    latency: latency(samples.length ? samples : [NaN]),
    wallMs: performance.now() - started,
  };
}

/** P6 on a warm cache: errors, and the API requests the burst causes. */
export async function warmBurst(sim: SimulatorProcess, baseUrl: string) {
  const { result, requests } = await sim.requestsDuring(() => burst(baseUrl));
  return { ...result, requests: byRequest(requests, 'backups') };
}

/** P6 on a backend started for it: the burst arrives while its cache warms. */
export async function coldBurst(sim: SimulatorProcess) {
  const { result, requests } = await sim.requestsDuring(async () => {
    const fresh = await freshBackend(sim);
    try {
      return await burst(fresh.baseUrl);
    } finally {
      await fresh.stop();
    }
  });
  return {
    errors: result.errors,
    wallMs: result.wallMs,
    requests: byRequest(requests, 'backups'),
  };
}
