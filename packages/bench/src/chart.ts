import type { ScaleResult } from './runScale';

const WIDTH = 640;
const HEIGHT = 360;
const PAD = { left: 64, right: 200, top: 24, bottom: 48 };

type Series = { name: string; color: string; values: number[] };

function series(results: ScaleResult[]): Series[] {
  const all: Array<Series | undefined> = [
    {
      name: 'backups overview (cache)',
      color: '#1b7f3b',
      values: results.map(r => r.p1.cached.p50),
    },
    {
      name: 'floor: raw LISTs',
      color: '#c0392b',
      values: results.map(r => r.p1.floor.p50),
    },
    results.every(r => r.p1.peer)
      ? {
          name: 'plugin-kubernetes-backend',
          color: '#2c5aa0',
          values: results.map(r => r.p1.peer!.p50),
        }
      : undefined,
    {
      name: 'overview, cache off',
      color: '#8e6c00',
      values: results.map(r => r.p1.listing.p50),
    },
  ];
  return all.filter((s): s is Series => s !== undefined);
}

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** P1 (medians) against the number of Backups, as a small SVG line chart. */
export function p1Chart(results: ScaleResult[]): string {
  const lines = series(results);
  const max = Math.max(...lines.flatMap(s => s.values)) * 1.1;
  const step =
    [5, 10, 20, 25, 50, 100, 200, 250, 500].find(s => max / s <= 6) ?? 1000;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  // Logarithmic: 1k, 10k and 50k Backups in their proportions.
  const logs = results.map(r => Math.log10(r.backups));
  const span = logs[logs.length - 1] - logs[0];
  const x = (i: number) =>
    PAD.left + (span === 0 ? plotW / 2 : ((logs[i] - logs[0]) / span) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const grid = [];
  for (let v = 0; v <= max; v += step) {
    grid.push(
      `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(v)}" y2="${y(
        v,
      )}" stroke="#ddd"/>`,
      `<text x="${PAD.left - 8}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    );
  }
  const xs = results.map(
    (r, i) =>
      `<text x="${x(i)}" y="${
        PAD.top + plotH + 20
      }" text-anchor="middle">${label(r.backups)}</text>`,
  );
  const paths = lines.map((s, k) => {
    const points = s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    const dots = s.values
      .map(
        (v, i) => `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${s.color}"/>`,
      )
      .join('');
    const ly = PAD.top + 16 + k * 22;
    return [
      `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"/>`,
      dots,
      `<line x1="${WIDTH - PAD.right + 16}" x2="${
        WIDTH - PAD.right + 36
      }" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"/>`,
      `<text x="${WIDTH - PAD.right + 42}" y="${ly}">${s.name}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    ...grid,
    ...xs,
    `<text x="${PAD.left + plotW / 2}" y="${
      HEIGHT - 8
    }" text-anchor="middle">Velero Backups in the cluster, log scale (50 schedules)</text>`,
    `<text transform="translate(16 ${
      PAD.top + plotH / 2
    }) rotate(-90)" text-anchor="middle">P1 median latency (ms)</text>`,
    ...paths,
    '</svg>',
    '',
  ].join('\n');
}
