import { promises as fs } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GitopsDemoServer } from './GitopsDemoServer';
import { runGit } from './runGit';
import { TREE_DIR } from './seedRepository';

async function filesUnder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    const full = join(entry.parentPath, entry.name);
    if (entry.isFile() && !relative(dir, full).startsWith('.git'))
      out[relative(dir, full)] = await fs.readFile(full, 'utf8');
  }
  return out;
}

/** A plain HTTP request with any Host header and body, as a browser or a git client sends it. */
function send(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer;
  } = {},
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('GitopsDemoServer', () => {
  let server: GitopsDemoServer;
  let work: string;

  beforeEach(async () => {
    server = await GitopsDemoServer.start({ port: 0 });
    work = await fs.mkdtemp(join(tmpdir(), 'gitops-demo-test-'));
  });

  afterEach(async () => {
    await server.stop();
    await fs.rm(work, { recursive: true, force: true });
  });

  async function cloneAndPush(branch: string, file: string, content: string) {
    await runGit(work, ['clone', '--quiet', server.repoUrl, 'clone']);
    const clone = join(work, 'clone');
    await runGit(clone, ['switch', '--quiet', '-c', branch]);
    await fs.writeFile(join(clone, file), content);
    await runGit(clone, ['add', file]);
    await runGit(clone, ['commit', '--quiet', '-m', `Add ${file} <now>`]);
    await runGit(clone, ['push', '--quiet', 'origin', branch]);
    return clone;
  }

  it('serves a clone of main holding the tree of this package, on 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.repoUrl).toBe(`${server.url}/odoo-gitops.git`);
    await runGit(work, ['clone', '--quiet', server.repoUrl, 'clone']);
    const clone = join(work, 'clone');
    expect(await filesUnder(clone)).toEqual(await filesUnder(TREE_DIR));
    expect((await runGit(clone, ['branch', '--show-current'])).trim()).toBe(
      'main',
    );
  });

  it('takes a pushed branch and shows its commits and diff, HTML-escaped', async () => {
    const clone = await cloneAndPush(
      'backups/velero-odoo',
      'velero.yaml',
      'kind: <Schedule> & "more"\n',
    );
    const head = (await runGit(clone, ['rev-parse', 'HEAD'])).trim();

    const api = await fetch(`${server.url}/api/branches`);
    expect(api.status).toBe(200);
    const { branches } = await api.json();
    expect(branches.map((b: { name: string }) => b.name)).toEqual([
      'main',
      'backups/velero-odoo',
    ]);
    expect(branches[1]).toMatchObject({
      commit: head,
      commits: [{ commit: head, subject: 'Add velero.yaml <now>' }],
    });
    expect(branches[1].diff).toContain(
      '+++ b/velero.yaml\n@@ -0,0 +1 @@\n+kind: <Schedule> & "more"\n',
    );

    const page = await fetch(`${server.url}/?branch=backups%2Fvelero-odoo`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('+kind: &lt;Schedule&gt; &amp; &quot;more&quot;');
    expect(html).toContain('Add velero.yaml &lt;now&gt;');
    expect(html).not.toContain('<Schedule>');
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/?branch=nope`)).status).toBe(404);
  });

  it('refuses to delete a branch or rewrite its history', async () => {
    const clone = await cloneAndPush('proposal', 'a.txt', 'a\n');
    await expect(
      runGit(clone, ['push', '--quiet', 'origin', ':proposal']),
    ).rejects.toThrow(/deletion prohibited|denied/);
    await runGit(clone, ['commit', '--quiet', '--amend', '-m', 'rewritten']);
    await expect(
      runGit(clone, ['push', '--quiet', '--force', 'origin', 'proposal']),
    ).rejects.toThrow(/non-fast-forward|denied/);
  });

  it('inflates a gzip request body, as git sends large fetch requests', async () => {
    const refs = await send(
      `${server.url}/odoo-gitops.git/info/refs?service=git-upload-pack`,
    );
    expect(refs.status).toBe(200);
    const main = /([0-9a-f]{40}) refs\/heads\/main/.exec(
      refs.body.toString(),
    )![1];
    const pkt = (line: string) =>
      `${(line.length + 4).toString(16).padStart(4, '0')}${line}`;
    const body = `${pkt(`want ${main}\n`)}0000${pkt('done\n')}`;
    const response = await send(
      `${server.url}/odoo-gitops.git/git-upload-pack`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-git-upload-pack-request',
          'content-encoding': 'gzip',
        },
        body: gzipSync(body),
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.toString('latin1')).toMatch(/^0008NAK\nPACK/);
  });

  it.each([
    ['another Host header', 'GET', '/', { host: 'evil.example:80' }, 421],
    ['the dumb protocol', 'GET', '/odoo-gitops.git/HEAD', {}, 404],
    ['another repository', 'GET', '/other.git/info/refs', {}, 404],
    [
      'a GET of git-receive-pack',
      'GET',
      '/odoo-gitops.git/git-receive-pack',
      {},
      405,
    ],
    ['a POST of the page', 'POST', '/', {}, 405],
    [
      'a body in an encoding git does not send',
      'POST',
      '/odoo-gitops.git/git-upload-pack',
      { 'content-encoding': 'br' },
      415,
    ],
    ['an unknown path', 'GET', '/nope', {}, 404],
  ])('refuses %s (%s %s)', async (_what, method, path, headers, status) => {
    expect(
      (await send(`${server.url}${path}`, { method, headers })).status,
    ).toBe(status);
  });

  it('refuses to listen on anything but loopback', async () => {
    await expect(GitopsDemoServer.start({ host: '0.0.0.0' })).rejects.toThrow(
      /loopback only/,
    );
    await expect(
      GitopsDemoServer.start({ host: '192.168.1.10' }),
    ).rejects.toThrow(/refusing to listen on 192\.168\.1\.10/);
  });
});

describe('GitopsDemoServer lifecycle', () => {
  it('makes a fresh repository on every start, with the same seed commit', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'gitops-demo-dir-'));
    try {
      const first = await GitopsDemoServer.start({ dir });
      const work = join(dir, 'work');
      await runGit(dir, ['clone', '--quiet', first.repoUrl, work]);
      await runGit(work, ['push', '--quiet', 'origin', 'HEAD:refs/heads/old']);
      const before = await (await fetch(`${first.url}/api/branches`)).json();
      await first.stop();

      const second = await GitopsDemoServer.start({ dir });
      const after = await (await fetch(`${second.url}/api/branches`)).json();
      await second.stop();
      expect(before.branches).toHaveLength(2);
      expect(after.branches).toEqual([before.branches[0]]);
      // A given folder is kept; only the repository in it is made afresh.
      await expect(fs.stat(second.repositoryPath)).resolves.toBeTruthy();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('stops with a connection still open, and removes its temporary folder', async () => {
    const server = await GitopsDemoServer.start();
    const held = request(`${server.url}/healthz`, { agent: false });
    held.on('error', () => {});
    held.flushHeaders();
    await new Promise(resolve => setTimeout(resolve, 50));
    await server.stop();
    await server.stop();
    await expect(fs.stat(server.repositoryPath)).rejects.toThrow(/ENOENT/);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
