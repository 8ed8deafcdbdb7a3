import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { p1Chart } from '../chart';
import { ciCheck } from '../ciCheck';
import { RenderFigures, renderTab } from '../renderTab';
import { markdown, spliceInto, textTable } from '../report';
import { ROOT, runInfo } from '../runInfo';
import { runScale, ScaleResult } from '../runScale';
import { stopAll } from '../running';
import { rows } from '../targets';

const USAGE = `yarn bench [--ci] [--browser] [--scales 1000,10000,50000] [--samples 60] [--no-peer] [--no-write]
  --ci       the CI check: 1k Backups; fails unless a tab load makes no API request
             and the cached overview equals the listed one
  --browser  also P5: the app and backend in headless Chromium (minutes)
  --no-write print only; by default the figures go to docs/performance.md`;

const DOC = join(ROOT, 'docs/performance.md');
const CHART = 'images/performance-p1.svg';

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function ci(): Promise<number> {
  const started = performance.now();
  const { lines, failures } = await ciCheck();
  for (const line of lines) process.stdout.write(`${line}\n`);
  process.stdout.write(
    `bench --ci: ${failures.length ? 'FAILED' : 'passed'} in ${Math.round(
      (performance.now() - started) / 1000,
    )} s\n`,
  );
  for (const failure of failures) process.stderr.write(`  ${failure}\n`);
  return failures.length ? 1 : 0;
}

async function full(): Promise<number> {
  const info = runInfo(`yarn bench ${process.argv.slice(2).join(' ')}`.trim());
  const scales = (option('scales') ?? '1000,10000,50000')
    .split(',')
    .map(Number);
  const samples = Number(option('samples') ?? 60);
  const results: ScaleResult[] = [];
  for (const backups of scales)
    results.push(await runScale({ backups, samples, peer: !flag('no-peer') }));
  let render: RenderFigures | undefined;
  if (flag('browser')) {
    render = await renderTab({
      sizes: [
        { backups: 10, schedules: 1 },
        { backups: 10_000, schedules: 50 },
      ],
      runs: 9,
    });
  }
  const table = rows(results, render);
  process.stdout.write(`${textTable(results, table)}\n`);
  if (!flag('no-write')) {
    const generated = markdown({
      info,
      results,
      table,
      render,
      chartPath: CHART,
    });
    let document = '# Performance\n';
    try {
      document = readFileSync(DOC, 'utf8');
    } catch {
      // A first run writes the file.
    }
    writeFileSync(DOC, spliceInto(document, generated));
    // Formatted as the repository's prettier:check wants it.
    execFileSync(process.execPath, [
      require.resolve('prettier/bin-prettier.js'),
      '--loglevel',
      'warn',
      '--write',
      DOC,
    ]);
    mkdirSync(dirname(join(dirname(DOC), CHART)), { recursive: true });
    writeFileSync(join(dirname(DOC), CHART), p1Chart(results));
    process.stdout.write(`bench: wrote ${DOC}\n`);
  }
  return 0;
}

async function main(): Promise<number> {
  if (flag('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return flag('ci') ? ci() : full();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench: ${signal}, stopping what it started\n`);
    stopAll().finally(() => process.exit(130));
  });
}

// Backends keep timers (the scheduler's) after they stop: exit once done.
main().then(
  code => process.exit(code),
  async error => {
    process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
    await stopAll();
    process.exit(1);
  },
);
