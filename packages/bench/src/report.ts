import { loadavg } from 'node:os';
import type { RenderFigures } from './renderTab';
import type { RunInfo } from './runInfo';
import { LATENCY_MS, SCHEDULES, ScaleResult, WARMUP_TIMEOUT } from './runScale';
import { extraLists, listRequests, Row } from './targets';
import { percentile } from './timing';

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const round = (n: number) => Math.round(n);

/** The table, as the terminal shows it. */
export function textTable(results: ScaleResult[], table: Row[]): string {
  const header = [
    'id',
    'target',
    ...results.map(r => `${label(r.backups)} backups`),
  ];
  const lines = table.map(row => [
    row.id,
    row.target,
    ...row.values.map((v, i) => `${v}${row.met[i] ? '' : '  MISSED'}`),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map(l => l[i].length)),
  );
  const format = (cells: string[]) =>
    cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

function mark(row: Row, i: number): string {
  if (row.target === '–' || row.values[i] === '–') return '';
  return row.met[i] ? ' ✅' : ' ❌';
}

function markdownTable(results: ScaleResult[], table: Row[]): string {
  const header = `| id | figure | target | ${results
    .map(r => `${label(r.backups)} Backups`)
    .join(' | ')} |`;
  const rule = `|${' --- |'.repeat(3 + results.length)}`;
  const body = table.map(
    row =>
      `| ${row.id} | ${row.figure} | ${row.target} | ${row.values
        .map((v, i) => `${v}${mark(row, i)}`)
        .join(' | ')} |`,
  );
  return [header, rule, ...body].join('\n');
}

function counts(c: Record<string, number>): string {
  const entries = Object.entries(c);
  return entries.length
    ? entries.map(([what, n]) => `${what}${n > 1 ? ` ×${n}` : ''}`).join(', ')
    : 'none';
}

/** What the figures compare, the same at every scale (from the largest). */
function calls(r: ScaleResult): string {
  return [
    '### What is compared',
    '',
    `- The floor replays, all at once, the ${
      r.p1.floorCalls.length
    } LIST calls the listing layer (\`backups.cache.enabled: false\`) makes for one overview, paginated by 500: ${r.p1.floorCalls.join(
      '; ',
    )}.`,
    r.p2.peer
      ? `- The peer, for one \`POST /api/kubernetes/services/odoo\`: ${counts(
          r.p2.peer,
        )} — namespaced LISTs in \`business-system\` with the entity's label selector, none of them paginated.`
      : '',
    `- A tab load (P2) is what the tab asks the backend for when it opens — the overview, the restores list and 30 days of history — together, at steady state (every watch open): ${counts(
      r.p2.tabLoads[0],
    )} each time.`,
  ]
    .filter(Boolean)
    .join('\n');
}

function details(r: ScaleResult): string {
  const lines = [
    `### ${label(r.backups)} Backups`,
    '',
    `- Sizes: a Backup as the API server sends it is ${
      r.backupBytes
    } B of JSON (with managedFields); ${Object.values(r.cachedObjects).reduce(
      (a, b) => a + b,
      0,
    )} objects cached (${r.cachedObjects['velero.io/backups']} Backups, ${
      r.cachedObjects['velero.io/podvolumebackups']
    } PodVolumeBackups); the overview is ${kb(r.p1.overviewBytes)}${
      r.p1.peerBytes ? `, the peer's answer ${kb(r.p1.peerBytes)}` : ''
    }.`,
    `- P3 samples: cold ${r.p3.cold
      .map(round)
      .join(', ')} ms; the raw LIST of all Backups (${Math.ceil(
      r.backups / 500,
    )} pages) ${r.p3.rawAll.map(round).join(', ')} ms.${
      r.p3.notReady.length
        ? ` Not ready in the cold answer: ${r.p3.notReady.join(', ')}.`
        : ''
    }`,
  ];
  if (r.p4) {
    const b = r.p4.breakdown;
    lines.push(
      `- P4: the heap grew ${kb(r.p4.heapDelta)} for ${
        r.p4.cachedTotal
      } cached objects of every kind, ${round(
        r.p4.perBackup,
      )} B per Backup. One cached (projected) Backup is ${
        b.jsonBytes
      } B as JSON and ${round(
        b.itemBytes,
      )} B on the heap by itself; the rest, ${round(
        r.p4.perBackup - b.itemBytes,
      )} B, is the maps and indexes holding it (and the other kinds). Its parts: ${b.parts
        .map(p => `${p.name} ${round(p.bytes)} B`)
        .join('; ')}.`,
    );
  }
  lines.push(
    `- P6: warm, ${r.p6.warm.errors} errors and ${
      Object.keys(r.p6.warm.requests).length ? counts(r.p6.warm.requests) : 'no'
    } API requests; the 100 answered within ${round(
      r.p6.warm.wallMs,
    )} ms. Fresh backend: ${
      r.p6.cold.errors
    } errors, the 100 answered within ${round(
      r.p6.cold.wallMs,
    )} ms, and the API saw ${
      extraLists(r.p6.cold).length
        ? `more than one list per kind: ${extraLists(r.p6.cold).join(', ')}`
        : 'one paginated LIST and one WATCH per kind'
    } (${counts(listRequests(r.p6.cold.requests))}).`,
  );
  return lines.join('\n');
}

function renderDetails(render: RenderFigures): string {
  return [
    '### P5',
    '',
    `The app (\`yarn workspace app start\`, ready in ${round(
      render.appStartMs / 1000,
    )} s) and the backend (\`yarn workspace backend start\`) on ports 3107 and 7107, one backend per size; Chromium opens the tab after two unmeasured opens.`,
    '',
    ...render.runs.map(
      r =>
        `- ${r.backups} Backups: open → table ${r.open
          .map(round)
          .join(', ')} ms (median ${round(
          percentile(r.open, 50),
        )}); overview request → table ${r.tab
          .map(round)
          .join(', ')} ms (median ${round(percentile(r.tab, 50))}).`,
    ),
  ].join('\n');
}

/** P4 between the two largest scales: what one more cached Backup costs, fixed costs aside. */
function marginalHeap(results: ScaleResult[]): string[] {
  const weighed = results.filter(r => r.p4);
  if (weighed.length < 2) return [];
  const [a, b] = weighed.slice(-2);
  const perBackup =
    (b.p4!.heapDelta - a.p4!.heapDelta) /
    (b.cachedObjects['velero.io/backups'] -
      a.cachedObjects['velero.io/backups']);
  return [
    `P4 from ${label(a.backups)} to ${label(
      b.backups,
    )} Backups (the growth's difference ÷ the Backups' difference, so without the cache's fixed costs): ${round(
      perBackup,
    )} B per Backup.`,
    '',
  ];
}

/** The generated part of docs/performance.md. */
export function markdown(options: {
  info: RunInfo;
  results: ScaleResult[];
  table: Row[];
  render?: RenderFigures;
  chartPath: string;
}): string {
  const { info, results, table, render } = options;
  const v = info.versions;
  return [
    `Run of ${info.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${
      info.commit
    }\`${
      info.uncommitted.length
        ? ` with uncommitted changes (${info.uncommitted
            .map(l => l.slice(3))
            .join(', ')})`
        : ''
    }:`,
    '',
    '```bash',
    info.command,
    '```',
    '',
    `- Machine: ${info.cores} cores (${info.cpu}), ${
      info.ramGiB
    } GiB RAM; load average ${info.loadBefore
      .map(l => l.toFixed(1))
      .join(' / ')} before the run and ${loadavg()
      .map(l => l.toFixed(1))
      .join(' / ')} after (1 / 5 / 15 min).`,
    `- Node ${info.node}; Backstage ${info.backstage} (backend-defaults ${v['@backstage/backend-defaults']}, backend-test-utils ${v['@backstage/backend-test-utils']}, plugin-kubernetes-backend ${v['@backstage/plugin-kubernetes-backend']}); @kubernetes/client-node ${v['@kubernetes/client-node']}; Playwright ${v['@playwright/test']} with Debian's Chromium.`,
    `- Simulator: ${results
      .map(r => label(r.backups))
      .join(
        ', ',
      )} Velero Backups over ${SCHEDULES} schedules, ${LATENCY_MS} ms latency on every request, in its own process; backends from \`startTestBackend\` in the bench's process, cold ones with \`backups.cache.warmupTimeout: ${WARMUP_TIMEOUT}\`.`,
    '',
    markdownTable(results, table),
    '',
    ...marginalHeap(results),
    `![P1 median latency against the number of Backups](${options.chartPath})`,
    '',
    calls(results[results.length - 1]),
    '',
    ...results.map(details).flatMap(d => [d, '']),
    ...(render
      ? [renderDetails(render), '']
      : ['P5 was not run (`yarn bench --browser`).', '']),
  ].join('\n');
}

export const BEGIN = '<!-- bench:begin (written by yarn bench) -->';
export const END = '<!-- bench:end -->';

/** Puts the generated part between the markers, keeping the rest of the file. */
export function spliceInto(document: string, generated: string): string {
  const start = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  if (start < 0 || end < start)
    return `${document.trimEnd()}\n\n${BEGIN}\n\n${generated}\n${END}\n`;
  return `${document.slice(
    0,
    start + BEGIN.length,
  )}\n\n${generated}\n${document.slice(end)}`;
}
