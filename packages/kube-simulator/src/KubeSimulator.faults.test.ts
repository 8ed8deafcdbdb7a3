import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeSimulator, KubeSimulatorOptions } from './KubeSimulator';

const BACKUPS = 'backups-token-0123456789';
const KUBERNETES = 'kubernetes-token-0123456789';

function start(options: KubeSimulatorOptions = {}) {
  return KubeSimulator.start({
    port: 0,
    token: BACKUPS,
    tokens: { kubernetes: KUBERNETES },
    requestLogDir: '',
    ...options,
  });
}

async function call(
  simulator: KubeSimulator,
  path: string,
  options: {
    token?: string;
    method?: string;
    body?: unknown;
    signal?: AbortSignal;
  } = {},
) {
  const response = await fetch(`${simulator.url}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.token === ''
        ? {}
        : { Authorization: `Bearer ${options.token ?? BACKUPS}` }),
      ...(options.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
    signal: options.signal,
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: /healthz
  }
  return { status: response.status, body };
}

const BACKUPS_PATH = '/apis/velero.io/v1/namespaces/velero/backups';

/** Follows `continue` up to `maxPages`; returns each page's status and token. */
async function pages(
  simulator: KubeSimulator,
  path: string,
  limit: number,
  maxPages = 10,
) {
  const seen: { status: number; continue?: string; items: number }[] = [];
  let token: string | undefined;
  do {
    const { status, body } = await call(
      simulator,
      `${path}?limit=${limit}${
        token ? `&continue=${encodeURIComponent(token)}` : ''
      }`,
    );
    token = status === 200 ? body.metadata.continue : undefined;
    seen.push({ status, continue: token, items: body.items?.length ?? 0 });
  } while (token && seen.length < maxPages);
  return seen;
}

describe('KubeSimulator identities and request log', () => {
  let simulator: KubeSimulator;
  afterEach(() => simulator.stop());

  it('authenticates each token as its identity and logs every request with its RBAC verb', async () => {
    simulator = await start();
    expect(simulator.identity).toBe('backups');
    expect(simulator.tokens).toEqual({
      backups: BACKUPS,
      kubernetes: KUBERNETES,
    });

    await call(simulator, '/api/v1/namespaces/business-system/pods');
    await call(simulator, '/api/v1/pods', { token: KUBERNETES });
    await call(simulator, '/apis');
    await call(simulator, '/healthz', { token: '' });
    await call(simulator, BACKUPS_PATH, { token: 'nope' });
    await call(simulator, '/api/v1/namespaces/business-system', {
      token: KUBERNETES,
    });
    const created = await call(simulator, BACKUPS_PATH, {
      method: 'POST',
      body: {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: { name: 'logged' },
        spec: {},
      },
    });
    expect(created.status).toBe(201);
    await call(simulator, `${BACKUPS_PATH}/logged/status`, {
      method: 'PUT',
      body: { ...created.body, status: { phase: 'New' } },
    });
    await call(simulator, `${BACKUPS_PATH}/logged`, { method: 'DELETE' });
    await call(simulator, BACKUPS_PATH, { method: 'DELETE' });
    const controller = new AbortController();
    const watch = await fetch(
      `${simulator.url}/apis/velero.io/v1/namespaces/velero/schedules?watch=true`,
      {
        headers: { Authorization: `Bearer ${BACKUPS}` },
        signal: controller.signal,
      },
    );
    expect(watch.status).toBe(200);
    controller.abort();
    expect(simulator.requestLog()).toEqual([
      {
        identity: 'backups',
        verb: 'list',
        group: '',
        resource: 'pods',
        namespace: 'business-system',
        status: 200,
      },
      {
        identity: 'kubernetes',
        verb: 'list',
        group: '',
        resource: 'pods',
        status: 200,
      },
      {
        identity: 'backups',
        verb: 'get',
        nonResourceURL: '/apis',
        status: 200,
      },
      {
        identity: 'anonymous',
        verb: 'get',
        nonResourceURL: '/healthz',
        status: 200,
      },
      {
        identity: 'invalid-token',
        verb: 'list',
        group: 'velero.io',
        resource: 'backups',
        namespace: 'velero',
        status: 401,
      },
      {
        identity: 'kubernetes',
        verb: 'get',
        group: '',
        resource: 'namespaces',
        namespace: 'business-system',
        name: 'business-system',
        status: 200,
      },
      {
        identity: 'backups',
        verb: 'create',
        group: 'velero.io',
        resource: 'backups',
        namespace: 'velero',
        status: 201,
      },
      {
        identity: 'backups',
        verb: 'update',
        group: 'velero.io',
        resource: 'backups',
        subresource: 'status',
        namespace: 'velero',
        name: 'logged',
        status: 200,
      },
      {
        identity: 'backups',
        verb: 'delete',
        group: 'velero.io',
        resource: 'backups',
        namespace: 'velero',
        name: 'logged',
        status: 200,
      },
      {
        identity: 'backups',
        verb: 'deletecollection',
        group: 'velero.io',
        resource: 'backups',
        namespace: 'velero',
        status: 405,
      },
      {
        identity: 'backups',
        verb: 'watch',
        group: 'velero.io',
        resource: 'schedules',
        namespace: 'velero',
        status: 200,
      },
    ]);
  });

  it('names the default identity as told, and refuses one token for two identities', async () => {
    simulator = await start({ identity: 'shared' });
    await call(simulator, '/api/v1/namespaces');
    expect(simulator.requestLog()[0].identity).toBe('shared');
    await expect(
      KubeSimulator.start({ token: 'same', tokens: { other: 'same' } }),
    ).rejects.toThrow(/"backups" and "other" have the same token/);
  });

  it('appends JSON lines to requests-<pid>-<port>.jsonl in KUBE_SIMULATOR_REQUEST_LOG_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-simulator-log-'));
    const previous = process.env.KUBE_SIMULATOR_REQUEST_LOG_DIR;
    process.env.KUBE_SIMULATOR_REQUEST_LOG_DIR = join(dir, 'nested');
    try {
      simulator = await KubeSimulator.start({ port: 0, token: BACKUPS });
      const port = new URL(simulator.url).port;
      expect(simulator.requestLogFile).toBe(
        join(dir, 'nested', `requests-${process.pid}-${port}.jsonl`),
      );
      await call(simulator, '/apis/postgresql.cnpg.io/v1/clusters');
      await call(
        simulator,
        '/apis/volsync.backube/v1alpha1/replicationsources',
      );
      const lines = readFileSync(simulator.requestLogFile!, 'utf8')
        .trim()
        .split('\n')
        .map(line => JSON.parse(line));
      expect(lines).toEqual([
        expect.objectContaining({
          identity: 'backups',
          verb: 'list',
          group: 'postgresql.cnpg.io',
          resource: 'clusters',
        }),
        expect.objectContaining({ resource: 'replicationsources' }),
      ]);
      expect(readdirSync(join(dir, 'nested'))).toHaveLength(1);
    } finally {
      if (previous === undefined)
        delete process.env.KUBE_SIMULATOR_REQUEST_LOG_DIR;
      else process.env.KUBE_SIMULATOR_REQUEST_LOG_DIR = previous;
      await simulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('KubeSimulator faults', () => {
  let simulator: KubeSimulator;
  beforeEach(async () => {
    simulator = await start();
  });
  afterEach(() => simulator.stop());

  it('401 for one identity, until the fault is removed', async () => {
    const remove = simulator.injectFault({
      kind: 'unauthorized',
      identity: 'backups',
    });
    expect((await call(simulator, BACKUPS_PATH)).body).toMatchObject({
      code: 401,
      reason: 'Unauthorized',
    });
    expect((await call(simulator, '/apis')).status).toBe(401);
    expect(
      (await call(simulator, BACKUPS_PATH, { token: KUBERNETES })).status,
    ).toBe(200);
    remove();
    expect((await call(simulator, BACKUPS_PATH)).status).toBe(200);
  });

  it('403 on one API group, with the RBAC message; discovery and other groups unaffected', async () => {
    simulator.injectFault({ kind: 'forbidden', group: 'postgresql.cnpg.io' });
    const denied = await call(
      simulator,
      '/apis/postgresql.cnpg.io/v1/namespaces/business-system/scheduledbackups',
    );
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe(
      'scheduledbackups.postgresql.cnpg.io is forbidden: User "system:serviceaccount:backstage:backstage" cannot list resource "scheduledbackups" in API group "postgresql.cnpg.io" in the namespace "business-system"',
    );
    expect(
      (await call(simulator, '/apis/postgresql.cnpg.io/v1/clusters')).status,
    ).toBe(403);
    expect((await call(simulator, '/apis/postgresql.cnpg.io/v1')).status).toBe(
      200,
    );
    expect((await call(simulator, BACKUPS_PATH)).status).toBe(200);
    simulator.clearFaults();
    expect(
      (await call(simulator, '/apis/postgresql.cnpg.io/v1/clusters')).status,
    ).toBe(200);
  });

  it('a missing CRD group: left out of discovery and 404 on its resources, back when removed', async () => {
    const fault = {
      kind: 'missingGroup',
      group: 'volsync.backube',
    } as const;
    simulator.injectFault(fault);
    const groups = (await call(simulator, '/apis')).body.groups.map(
      (g: any) => g.name,
    );
    expect(groups).not.toContain('volsync.backube');
    expect(groups).toContain('velero.io');
    expect((await call(simulator, '/apis/volsync.backube')).status).toBe(404);
    expect(
      (await call(simulator, '/apis/volsync.backube/v1alpha1')).status,
    ).toBe(404);
    const list = await call(
      simulator,
      '/apis/volsync.backube/v1alpha1/replicationsources',
    );
    expect(list.body).toMatchObject({ code: 404, details: {} });
    expect(simulator.removeFault(fault)).toBe(true);
    expect(
      (
        await call(
          simulator,
          '/apis/volsync.backube/v1alpha1/replicationsources',
        )
      ).status,
    ).toBe(200);
  });

  it('a seeded fraction of requests answers 5xx, the same ones on every run', async () => {
    async function statuses(seed: number) {
      const sim = await start();
      try {
        sim.injectFault({ kind: 'flaky', fraction: 0.3, seed, status: 503 });
        const result: number[] = [];
        for (let i = 0; i < 60; i++) {
          const path = i % 2 ? BACKUPS_PATH : '/api/v1/namespaces';
          result.push((await call(sim, path)).status);
        }
        return result;
      } finally {
        await sim.stop();
      }
    }
    const first = await statuses(7);
    expect(await statuses(7)).toEqual(first);
    expect(await statuses(8)).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 503]));
    const failed = first.filter(s => s === 503).length;
    expect(failed).toBeGreaterThanOrEqual(6);
    expect(failed).toBeLessThanOrEqual(30);
  });

  it('latency: a waiting request ends when the client gives up or the simulator stops', async () => {
    simulator.injectFault({
      kind: 'latency',
      delayMs: 60_000,
      group: 'velero.io',
    });
    const aborted = call(simulator, BACKUPS_PATH, {
      signal: AbortSignal.timeout(50),
    });
    await expect(aborted).rejects.toThrow();
    // Other groups answer at once.
    expect((await call(simulator, '/api/v1/namespaces')).status).toBe(200);
    for (
      let i = 0;
      i < 100 && !simulator.requestLog().some(e => e.status === 499);
      i++
    )
      await new Promise(resolve => setTimeout(resolve, 10));
    expect(simulator.requestLog()).toContainEqual(
      expect.objectContaining({ resource: 'backups', status: 499 }),
    );
    // Still waiting when the simulator stops: stop() ends it.
    const pending = call(simulator, BACKUPS_PATH);
    pending.catch(() => undefined);
    await new Promise(resolve => setTimeout(resolve, 20));
    await simulator.stop();
    await expect(pending).rejects.toThrow();
  });

  it('a page that fails mid-list: page 2 answers 500, the others 200', async () => {
    const healthy = await pages(simulator, BACKUPS_PATH, 3);
    expect(healthy.map(p => p.status)).toEqual([200, 200, 200]);
    simulator.injectFault({
      kind: 'failPage',
      page: 2,
      group: 'velero.io',
      resource: 'backups',
    });
    expect(
      (await pages(simulator, BACKUPS_PATH, 3)).map(p => p.status),
    ).toEqual([200, 500]);
    // Page 3, asked for directly with the token page 2 had given, answers.
    const third = await call(
      simulator,
      `${BACKUPS_PATH}?limit=3&continue=${encodeURIComponent(
        healthy[1].continue!,
      )}`,
    );
    expect(third.status).toBe(200);
    expect(third.body.items).toHaveLength(2);
    // A list that fits one page never reaches page 2.
    expect(
      (await pages(simulator, BACKUPS_PATH, 100)).map(p => p.status),
    ).toEqual([200]);
  });

  it('repeats the same continue token forever', async () => {
    simulator.injectFault({
      kind: 'repeatContinue',
      group: 'velero.io',
      resource: 'backups',
    });
    const seen = await pages(simulator, BACKUPS_PATH, 3, 6);
    expect(seen).toHaveLength(6);
    expect(new Set(seen.map(p => p.continue)).size).toBe(1);
    expect(seen.every(p => p.status === 200 && p.items > 0)).toBe(true);
    // Even a list that fits one page gets a token.
    const one = await call(simulator, `${BACKUPS_PATH}?limit=100`);
    expect(one.body.metadata.continue).toEqual(expect.any(String));
  });

  it('a fixed Status for a scope, as scenarios use', async () => {
    simulator.injectFault({
      group: 'velero.io',
      resource: 'backups',
      namespace: 'velero',
      status: 504,
    });
    expect((await call(simulator, BACKUPS_PATH)).body).toMatchObject({
      code: 504,
      reason: 'Timeout',
    });
    expect(
      (await call(simulator, '/apis/velero.io/v1/namespaces/velero/schedules'))
        .status,
    ).toBe(200);
    expect(simulator.faults()).toHaveLength(1);
  });
});

/** Servers and sockets alive in this process, by type. */
function activeHandles() {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo())
    if (['TCPServerWrap', 'TCPSocketWrap'].includes(type))
      counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/**
 * Records every timer set through the globals until `restore`: those that
 * neither fired nor were cleared are `live`. Node's own (fetch's) timers do
 * not go through these globals.
 */
function trackTimers() {
  const live = new Set<unknown>();
  const real = {
    setTimeout: global.setTimeout,
    clearTimeout: global.clearTimeout,
    setInterval: global.setInterval,
    clearInterval: global.clearInterval,
  };
  const g = global as any;
  g.setTimeout = (
    fn: (...a: unknown[]) => void,
    ms?: number,
    ...args: unknown[]
  ) => {
    const handle = real.setTimeout(() => {
      live.delete(handle);
      fn(...args);
    }, ms);
    live.add(handle);
    return handle;
  };
  g.setInterval = (
    fn: (...a: unknown[]) => void,
    ms?: number,
    ...args: unknown[]
  ) => {
    const handle = real.setInterval(() => fn(...args), ms);
    live.add(handle);
    return handle;
  };
  g.clearTimeout = (handle: any) => {
    live.delete(handle);
    real.clearTimeout(handle);
  };
  g.clearInterval = (handle: any) => {
    live.delete(handle);
    real.clearInterval(handle);
  };
  return {
    live,
    restore: () => Object.assign(global, real),
  };
}

describe('KubeSimulator stop', () => {
  it('clears every timer it set (controllers, BSL refresh, watches, waits) and closes every socket', async () => {
    const before = activeHandles();
    const timers = trackTimers();
    try {
      const simulator = await start({ controllerTickMs: 60_000 });
      // A Backup the controller would step in a minute: a controller timer.
      await call(simulator, BACKUPS_PATH, {
        method: 'POST',
        body: {
          apiVersion: 'velero.io/v1',
          kind: 'Backup',
          metadata: { name: 'pending' },
          spec: {},
        },
      });
      // A watch with bookmarks and a timeout: two timers and an open socket.
      const watch = await fetch(
        `${simulator.url}${BACKUPS_PATH}?watch=true&allowWatchBookmarks=true&timeoutSeconds=600`,
        { headers: { Authorization: `Bearer ${BACKUPS}` } },
      );
      const reader = watch.body!.getReader();
      await reader.read();
      // A request waiting out a latency fault.
      simulator.injectFault({ kind: 'latency', delayMs: 60_000 });
      const waiting = call(simulator, '/api/v1/namespaces');
      waiting.catch(() => undefined);
      await new Promise(resolve => setImmediate(resolve));
      for (let i = 0; i < 100 && timers.live.size < 5; i++)
        await new Promise(resolve => setImmediate(resolve));
      // BSL refresh, controller step, bookmarks, watch timeout, latency.
      expect(timers.live.size).toBeGreaterThanOrEqual(5);

      await simulator.stop();
      expect(timers.live.size).toBe(0);
      await expect(waiting).rejects.toThrow();
      await reader.read().catch(() => undefined);
    } finally {
      timers.restore();
    }
    await new Promise(resolve => setImmediate(resolve));
    const after = activeHandles();
    expect(after.TCPServerWrap ?? 0).toBeLessThanOrEqual(
      before.TCPServerWrap ?? 0,
    );
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(
      before.TCPSocketWrap ?? 0,
    );
  });

  it('ends open watches and can be called twice', async () => {
    const simulator = await start({ controllerTickMs: 5 });
    const response = await fetch(
      `${simulator.url}${BACKUPS_PATH}?watch=true&allowWatchBookmarks=true&timeoutSeconds=600`,
      { headers: { Authorization: `Bearer ${BACKUPS}` } },
    );
    const reader = response.body!.getReader();
    await reader.read();
    await Promise.all([simulator.stop(), simulator.stop()]);
    // The stream ends, cleanly or with a reset: it does not hang.
    await expect(
      (async () => {
        try {
          for (;;) {
            const { done } = await reader.read();
            if (done) return 'ended';
          }
        } catch {
          return 'ended';
        }
      })(),
    ).resolves.toBe('ended');
  });
});
