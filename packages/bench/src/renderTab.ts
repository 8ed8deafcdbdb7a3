import { Browser, chromium, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OVERVIEW } from './backends';
import { track } from './running';
import { DevServer } from './DevServer';
import { notReady } from './overviews';
import { ROOT } from './runInfo';
import { LATENCY_MS } from './runScale';
import { SimulatorProcess, TOKENS } from './SimulatorProcess';
import { percentile, until } from './timing';

/** Ports apart from the demo's and the e2e tests' (3000, 7007, 8001, 8002). */
const APP_PORT = 3107;
const BACKEND_PORT = 7107;
const APP_URL = `http://localhost:${APP_PORT}`;
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
const TAB = '/catalog/default/component/odoo/backups';

export type RenderResult = {
  backups: number;
  /** Navigation start to the newest backup's row in the table (ms). */
  open: number[];
  /** The overview request's start to that row (ms). */
  tab: number[];
};

export type RenderFigures = { runs: RenderResult[]; appStartMs: number };

declare global {
  interface Window {
    benchTableAt?: number;
  }
}

function log(message: string) {
  process.stderr.write(`bench: ${message}\n`);
}

/** The newest odoo-daily backup: the first row of the table (newest first). */
async function newestOdooBackup(sim: SimulatorProcess): Promise<string> {
  const res = await fetch(
    `${
      sim.url
    }/apis/velero.io/v1/namespaces/velero/backups?labelSelector=${encodeURIComponent(
      'velero.io/schedule-name=odoo-daily',
    )}`,
    { headers: { Authorization: `Bearer ${TOKENS.backups}` } },
  );
  const { items } = (await res.json()) as {
    items: Array<{ metadata: { name: string; creationTimestamp: string } }>;
  };
  return items
    .map(b => b.metadata)
    .sort((a, b) => a.creationTimestamp.localeCompare(b.creationTimestamp))
    .pop()!.name;
}

/** Waits until the catalog holds odoo and the backups cache answers in full. */
async function backendWarm() {
  await until(
    'the catalog and the backups cache',
    async () => {
      const session = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`)
        .then(r => r.json())
        .catch(() => undefined);
      const token = session?.backstageIdentity?.token;
      if (!token) return false;
      const res = await fetch(`${BACKEND_URL}${OVERVIEW}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return res.ok && notReady(await res.text()).length === 0;
    },
    300_000,
  );
}

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByText('Backups for Backstage Catalog')
    .waitFor({ timeout: 120_000 });
}

/** Opens the tab `runs` times (after two unmeasured opens) and times the table. */
async function timeTab(browser: Browser, backup: string, runs: number) {
  const context = await browser.newContext({
    baseURL: APP_URL,
    viewport: { width: 1600, height: 1400 },
  });
  try {
    const page = await context.newPage();
    // Marks when the newest backup's row (its restore button) is in the page.
    await page.addInitScript((name: string) => {
      const selector = `[data-testid="restore-button-${name}"]`;
      const timer = setInterval(() => {
        if (document.querySelector(selector)) {
          window.benchTableAt = performance.now();
          clearInterval(timer);
        }
      }, 2);
    }, backup);
    await signIn(page);
    const open: number[] = [];
    const tab: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      await page.goto(TAB);
      await page.waitForFunction(
        () => window.benchTableAt !== undefined,
        null,
        {
          timeout: 120_000,
        },
      );
      const timing = await page.evaluate(() => ({
        at: window.benchTableAt!,
        overview: performance
          .getEntriesByType('resource')
          .find(e => e.name.endsWith('/overview'))?.startTime,
      }));
      if (i < 2) continue;
      open.push(timing.at);
      tab.push(timing.at - (timing.overview ?? 0));
    }
    return { open, tab };
  } finally {
    await context.close();
  }
}

/**
 * P5: the real app and backend (`yarn workspace app|backend start`, on
 * their own ports) against the simulator with each size in turn; Debian's
 * Chromium, headless, signed in as guest, opens the Backups tab.
 */
export async function renderTab(options: {
  sizes: Array<{ backups: number; schedules: number }>;
  runs: number;
}): Promise<RenderFigures> {
  const logDir = mkdtempSync(join(tmpdir(), 'bench-app-'));
  const env = {
    APP_CONFIG_app_baseUrl: APP_URL,
    APP_CONFIG_backend_baseUrl: BACKEND_URL,
    APP_CONFIG_backend_listen_port: String(BACKEND_PORT),
    APP_CONFIG_backend_cors_origin: APP_URL,
  };
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const untrack = track(() => browser.close());
  const started = performance.now();
  log(`P5: starting the app on ${APP_URL} (logs in ${logDir})`);
  const app = DevServer.start({ root: ROOT, workspace: 'app', env, logDir });
  const runs: RenderResult[] = [];
  let measuredAll = false;
  try {
    await app.ready(APP_URL);
    const appStartMs = performance.now() - started;
    for (const size of options.sizes) {
      log(`P5: ${size.backups} backups`);
      const sim = await SimulatorProcess.start({
        ...size,
        latencyMs: LATENCY_MS,
      });
      const backend = DevServer.start({
        root: ROOT,
        workspace: 'backend',
        env: { ...env, KUBE_API_URL: sim.url, KUBE_API_TOKEN: TOKENS.backups },
        logDir,
      });
      try {
        await backend.ready(`${BACKEND_URL}/.backstage/health/v1/readiness`);
        await backendWarm();
        const measured = await timeTab(
          browser,
          await newestOdooBackup(sim),
          options.runs,
        );
        runs.push({ backups: size.backups, ...measured });
      } finally {
        await backend.stop();
        await sim.stop();
      }
    }
    measuredAll = true;
    return { runs, appStartMs };
  } finally {
    await app.stop();
    untrack();
    await browser.close();
    // The servers' logs are kept only when something failed.
    if (measuredAll) rmSync(logDir, { recursive: true, force: true });
  }
}

export const medianOf = (samples: number[]) => percentile(samples, 50);
