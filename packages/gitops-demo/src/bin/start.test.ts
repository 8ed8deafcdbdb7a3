import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** `yarn start` with these arguments, as scripts/start.sh runs it. */
function startCli(args: string[], stdio: Array<'ignore' | 'pipe'>) {
  return spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolve(__dirname, 'start.ts'),
      ...args,
    ],
    { stdio: stdio as any },
  );
}

describe('yarn start (src/bin/start.ts)', () => {
  it('serves a fresh repository until SIGTERM, then exits 0', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'gitops-demo-cli-'));
    const child = startCli(
      ['--port', '0', '--dir', dir],
      ['ignore', 'pipe', 'pipe'],
    );
    try {
      const line = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', chunk => {
          out += chunk;
          if (out.includes('\n')) done(out);
        });
        child.on('exit', code => fail(new Error(`exited with ${code}`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)![1];
      expect(line).toContain(`clone ${url}/odoo-gitops.git`);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const exited = new Promise(done => child.on('exit', done));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a port that is no number', async () => {
    const child = startCli(['--port', 'eighty'], ['ignore', 'ignore', 'pipe']);
    let err = '';
    child.stderr.on('data', c => (err += c));
    expect(await new Promise(done => child.on('exit', done))).toBe(2);
    expect(err).toContain('--port: eighty is not a port number');
  });
});
