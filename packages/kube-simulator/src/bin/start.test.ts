import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

function startCli(args: string[], env: Record<string, string> = {}) {
  const childEnv = { ...process.env, ...env };
  // Only the test that asks for a request log gets one.
  if (!env.KUBE_SIMULATOR_REQUEST_LOG_DIR)
    delete childEnv.KUBE_SIMULATOR_REQUEST_LOG_DIR;
  return spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolve(__dirname, 'start.ts'),
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv },
  );
}

/** The first `count` lines the CLI prints. */
function lines(child: ChildProcess, count: number): Promise<string[]> {
  return new Promise<string[]>((done, fail) => {
    let out = '';
    child.stdout!.on('data', chunk => {
      out += chunk;
      const all = out.split('\n');
      if (all.length > count) done(all.slice(0, count));
    });
    child.on('exit', code => fail(new Error(`exited with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise(done => child.on('exit', code => done(code)));
}

describe('kube-simulator CLI', () => {
  it('starts on the given port with a scenario and answers /version', async () => {
    const child = startCli(['--port', '0', '--scenario', 'wal-failing']);
    try {
      const [line, identities] = await lines(child, 2);
      const match = line.match(
        /^kube-simulator listening on (http:\/\/127\.0\.0\.1:\d+) \(scenario wal-failing\)$/,
      );
      expect(match).not.toBeNull();
      expect(identities).toBe('kube-simulator identities: backups (default)');
      const version = await fetch(`${match![1]}/version`).then(r => r.json());
      expect(version.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);

  it('seeds a scale scenario and adds API latency', async () => {
    const child = startCli([
      '--port',
      '0',
      '--backups',
      '250',
      '--schedules',
      '10',
      '--latency-ms',
      '30',
    ]);
    try {
      const [line] = await lines(child, 1);
      expect(line).toMatch(
        /\(scenario healthy, 250 backups over 10 schedules, 30 ms latency\)$/,
      );
      const url = line.match(/(http:\/\/\S+)/)![1];
      const started = Date.now();
      const list = await fetch(
        `${url}/apis/velero.io/v1/namespaces/velero/backups`,
        { headers: { Authorization: 'Bearer simulator-token' } },
      ).then(r => r.json());
      expect(Date.now() - started).toBeGreaterThanOrEqual(30);
      expect(list.items).toHaveLength(250);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);

  it('refuses --backups without --schedules', async () => {
    const child = startCli(['--port', '0', '--backups', '100']);
    expect(await exited(child)).toBe(2);
  }, 30_000);

  it('takes KUBE_SIMULATOR_TOKENS and KUBE_SIMULATOR_IDENTITY, and writes the request log to KUBE_SIMULATOR_REQUEST_LOG_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-simulator-cli-'));
    // As scripts/e2e.sh starts it: each plugin its own identity.
    const child = startCli(['--port', '0'], {
      KUBE_SIMULATOR_REQUEST_LOG_DIR: dir,
      KUBE_SIMULATOR_IDENTITY: 'shared',
      KUBE_SIMULATOR_TOKEN: 's-token',
      KUBE_SIMULATOR_TOKENS: 'backups=b-token,kubernetes=k-token',
    });
    try {
      const [line, identities, logLine] = await lines(child, 3);
      const url = line.match(/(http:\/\/\S+)/)![1];
      expect(identities).toBe(
        'kube-simulator identities: shared (default), backups, kubernetes',
      );
      expect(logLine).toMatch(
        /^kube-simulator request log: .*requests-\d+-\d+\.jsonl$/,
      );
      for (const token of ['s-token', 'b-token', 'k-token', 'wrong']) {
        await fetch(`${url}/api/v1/namespaces`, {
          headers: { Authorization: `Bearer ${token}` },
        });
      }
      const [file] = readdirSync(dir);
      const entries = readFileSync(join(dir, file), 'utf8')
        .trim()
        .split('\n')
        .map(l => JSON.parse(l));
      expect(
        entries.map(e => [e.identity, e.verb, e.resource, e.status]),
      ).toEqual([
        ['shared', 'list', 'namespaces', 200],
        ['backups', 'list', 'namespaces', 200],
        ['kubernetes', 'list', 'namespaces', 200],
        ['invalid-token', 'list', 'namespaces', 401],
      ]);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('refuses malformed --tokens without repeating them', async () => {
    const child = startCli(['--port', '0', '--tokens', 'secret-without-name']);
    let err = '';
    child.stderr!.on('data', chunk => {
      err += chunk;
    });
    expect(await exited(child)).toBe(2);
    expect(err).toMatch(/--tokens: entry 1 is not name=token/);
    expect(err).not.toMatch(/secret-without-name/);
  }, 30_000);
});
