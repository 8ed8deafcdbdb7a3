import type { RequestLogEntry } from '@internal/kube-simulator';
import type { SourceStatus } from '@internal/plugin-backups-node';
import { Settings } from 'luxon';
import { ConnectionProbe, OVERVIEW, tabRequests } from './backends';
import type { SimulatorProcess } from './SimulatorProcess';
import { getOk, until } from './timing';

/** The overview as JSON, without what differs between two answers of the same state. */
export function comparable(body: string): unknown {
  const overview = JSON.parse(body);
  delete overview.generatedAt;
  for (const cluster of overview.clusters ?? []) delete cluster.sources;
  return overview;
}

/** Source errors that say the cache had no answer yet (or an old one). */
export function notReady(body: string): string[] {
  const overview = JSON.parse(body);
  return (overview.clusters ?? [])
    .flatMap(
      (c: { errors: Array<{ reason?: string; source?: string }> }) => c.errors,
    )
    .filter(
      (e: { reason?: string }) =>
        e.reason === 'Pending' || e.reason === 'Stale',
    )
    .map(
      (e: { source?: string; reason?: string }) => `${e.source}: ${e.reason}`,
    );
}

/** Waits until the cache holds every Backup and every kind is in sync. */
export async function warmed(probe: ConnectionProbe, backups: number) {
  await until('the cache to warm up', () => {
    const sources: SourceStatus[] = probe.sources();
    return (
      (probe.sizes()['velero.io/backups'] ?? 0) >= backups &&
      sources.length > 0 &&
      sources.every(s => s.state === 'ready')
    );
  });
}

/**
 * Waits for the steady state: every kind the cache holds has its watch
 * open (the simulator logged it), so no request of a warm-up remains.
 */
export async function watching(sim: SimulatorProcess, probe: ConnectionProbe) {
  const kinds = Object.keys(probe.sizes()).length;
  await until('a watch on every cached kind', () => {
    const watched = new Set(
      sim
        .requests()
        .filter(
          r =>
            r.identity === 'backups' && r.verb === 'watch' && r.status === 200,
        )
        .map(r => `${r.group}/${r.resource}`),
    );
    return kinds > 0 && watched.size >= kinds;
  });
  await new Promise(r => setTimeout(r, 300));
}

/** One load of the Backups tab: its requests to the backend, together. */
export function loadTab(baseUrl: string): Promise<string[]> {
  return Promise.all(tabRequests().map(path => getOk(`${baseUrl}${path}`)));
}

export function getOverview(baseUrl: string): Promise<string> {
  return getOk(`${baseUrl}${OVERVIEW}`);
}

/** API requests of one identity, as `verb resource` counts. */
export function byRequest(
  requests: RequestLogEntry[],
  identity: string,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests.filter(e => e.identity === identity)) {
    const what = `${r.verb} ${r.resource ?? r.nonResourceURL}${
      r.group ? `.${r.group}` : ''
    }`;
    counts[what] = (counts[what] ?? 0) + 1;
  }
  return counts;
}

export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Runs `fn` with luxon's clock stopped, so that both backends (in this
 * process) evaluate at the same instant: ages and a continuous tier's
 * recovery point ("now") come out the same.
 */
export async function atOneInstant<T>(fn: () => Promise<T>): Promise<T> {
  const previous = Settings.now;
  const instant = Date.now();
  Settings.now = () => instant;
  try {
    return await fn();
  } finally {
    Settings.now = previous;
  }
}
