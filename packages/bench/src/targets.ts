import type { RenderFigures } from './renderTab';
import type { ScaleResult } from './runScale';
import { percentile } from './timing';

/** One line of the table: a figure at each scale, and whether its target is met. */
export type Row = {
  id: string;
  figure: string;
  target: string;
  values: string[];
  met: boolean[];
};

const median = (samples: number[]) => percentile(samples, 50);
const ms = (value: number) =>
  value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
const ratio = (value: number) => `${value.toFixed(value >= 10 ? 0 : 1)}×`;
const sum = (counts: Record<string, number>) =>
  Object.values(counts).reduce((a, b) => a + b, 0);

/** API requests that are not the watches the cache keeps open. */
export function listRequests(counts: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(counts).filter(([what]) => !what.startsWith('watch ')),
  );
}

/** LIST requests per kind beyond one paginated list of it. */
export function extraLists(cold: ScaleResult['p6']['cold']): string[] {
  const byKind: Record<string, number> = {};
  for (const [what, n] of Object.entries(listRequests(cold.requests))) {
    const [, resource] = what.split(' ');
    byKind[resource] = (byKind[resource] ?? 0) + n;
  }
  const pages = Object.fromEntries(
    Object.entries(cold.expectedPages).map(([key, n]) => {
      const [group, plural] = key.split('/');
      return [group ? `${plural}.${group}` : plural, n];
    }),
  );
  const watches = Object.entries(cold.requests).filter(
    ([what, n]) => what.startsWith('watch ') && n > 1,
  );
  return [
    ...Object.entries(byKind)
      .filter(([kind, n]) => n > (pages[kind] ?? 1))
      .map(([kind, n]) => `${kind}: ${n} LISTs for ${pages[kind] ?? 1} pages`),
    ...watches.map(([what, n]) => `${what}: ${n}`),
  ];
}

export function rows(results: ScaleResult[], render?: RenderFigures): Row[] {
  const each = <T>(fn: (r: ScaleResult) => T) => results.map(fn);
  const p1 = each(r => r.p1);
  const out: Row[] = [
    {
      id: 'P1',
      figure: 'warm overview over HTTP, p50 / p95',
      target: '–',
      values: p1.map(p => `${ms(p.cached.p50)} / ${ms(p.cached.p95)}`),
      met: p1.map(() => true),
    },
    {
      id: 'P1 (a)',
      figure:
        'parallel raw LISTs of the same calls (floor), p50 / p95; floor ÷ overview at p50',
      target: '≥ 20×',
      values: p1.map(
        p =>
          `${ms(p.floor.p50)} / ${ms(p.floor.p95)}; ${ratio(
            p.floor.p50 / p.cached.p50,
          )}`,
      ),
      met: p1.map(p => p.floor.p50 / p.cached.p50 >= 20),
    },
  ];
  if (p1.every(p => p.peer)) {
    out.push({
      id: 'P1 (b)',
      figure:
        'plugin-kubernetes-backend, POST /services/odoo, p50 / p95; peer ÷ overview at p50',
      target: '≥ 5×',
      values: p1.map(
        p =>
          `${ms(p.peer!.p50)} / ${ms(p.peer!.p95)}; ${ratio(
            p.peer!.p50 / p.cached.p50,
          )}`,
      ),
      met: p1.map(p => p.peer!.p50 / p.cached.p50 >= 5),
    });
  }
  out.push(
    {
      id: 'P1 (c)',
      figure:
        'the same overview with backups.cache.enabled: false, p50 / p95 (context)',
      target: '–',
      values: p1.map(p => `${ms(p.listing.p50)} / ${ms(p.listing.p95)}`),
      met: p1.map(() => true),
    },
    {
      id: 'P2',
      figure:
        'API requests per tab load (overview, restores, history), steady state; the peer’s per request',
      target: '0',
      values: each(
        r =>
          `${Math.max(...r.p2.tabLoads.map(sum))}${
            r.p2.peer ? ` (peer: ${sum(r.p2.peer)})` : ''
          }`,
      ),
      met: each(r => r.p2.tabLoads.every(t => sum(t) === 0)),
    },
    {
      id: 'P3',
      figure:
        'cold first overview (fresh backend) ÷ one raw LIST of all Backups, medians of 3',
      target: '≤ 1.5×',
      values: each(
        r =>
          `${ms(median(r.p3.cold))} ÷ ${ms(median(r.p3.rawAll))} = ${ratio(
            median(r.p3.cold) / median(r.p3.rawAll),
          )}`,
      ),
      met: each(
        r =>
          median(r.p3.cold) / median(r.p3.rawAll) <= 1.5 &&
          r.p3.notReady.length === 0,
      ),
    },
  );
  if (results.every(r => r.p4)) {
    out.push({
      id: 'P4',
      figure: 'heap per cached Backup (whole cache’s growth ÷ Backups)',
      target: '≤ 1 KB',
      values: each(r => `${Math.round(r.p4!.perBackup)} B`),
      met: each(r => r.p4!.perBackup <= 1024),
    });
  }
  if (render) {
    const open = (n: number) =>
      median(render.runs.find(r => r.backups === n)?.open ?? [NaN]);
    const tab = (n: number) =>
      median(render.runs.find(r => r.backups === n)?.tab ?? [NaN]);
    const [small, large] = render.runs.map(r => r.backups);
    const found = results.findIndex(r => r.backups === large);
    const column = found >= 0 ? found : results.length - 1;
    const met = open(large) / open(small) <= 1.5;
    out.push({
      id: 'P5',
      figure: `Backups tab in Chromium, ${large} ÷ ${small} backups: open → table (overview request → table)`,
      target: '≤ 1.5×',
      values: results.map((_, i) =>
        i === column
          ? `${ms(open(large))} ÷ ${ms(open(small))} = ${ratio(
              open(large) / open(small),
            )} (${ms(tab(large))} ÷ ${ms(tab(small))} = ${ratio(
              tab(large) / tab(small),
            )})`
          : '–',
      ),
      met: results.map((_, i) => (i === column ? met : true)),
    });
  }
  out.push({
    id: 'P6',
    figure:
      '100 concurrent overviews: errors; API requests warm; LISTs per kind on a fresh backend',
    target: '0; 0; one list per kind',
    values: each(
      r =>
        `${r.p6.warm.errors + r.p6.cold.errors}; ${sum(r.p6.warm.requests)}; ${
          extraLists(r.p6.cold).length === 0
            ? 'one per kind'
            : extraLists(r.p6.cold).join(', ')
        } (p50 ${ms(r.p6.warm.latency.p50)}, p95 ${ms(
          r.p6.warm.latency.p95,
        )} warm)`,
    ),
    met: each(
      r =>
        r.p6.warm.errors + r.p6.cold.errors === 0 &&
        sum(r.p6.warm.requests) === 0 &&
        extraLists(r.p6.cold).length === 0,
    ),
  });
  return out;
}
