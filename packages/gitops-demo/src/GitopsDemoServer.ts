import { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { branchesPage } from './branchesPage';
import { gitHttpBackend, SMART_HTTP_PATH } from './gitHttpBackend';
import { listBranches } from './listBranches';
import { REPOSITORY, seedRepository } from './seedRepository';

export type GitopsDemoServerOptions = {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** A loopback address: 127.0.0.1 (default) or ::1. Anything else is refused. */
  host?: string;
  /**
   * The folder that holds `odoo-gitops.git`, made afresh on every start.
   * Default: a temporary folder, removed on stop.
   */
  dir?: string;
};

const LOOPBACK = ['127.0.0.1', '::1'];
/** The request encodings git sends and http-backend inflates ('' for none). */
const GIT_ENCODINGS = ['', 'identity', 'gzip', 'x-gzip'];

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
  });
  res.end(body);
}

/**
 * The demo's GitOps repository: a bare repository seeded with Odoo's tree
 * without Velero, served on loopback over git's smart HTTP protocol by
 * `git http-backend`, with a page that shows what each branch proposes.
 */
export class GitopsDemoServer {
  /** `http://127.0.0.1:<port>`: the page of branches and proposals. */
  readonly url: string;
  /** `<url>/odoo-gitops.git`: clone, fetch and push here. */
  readonly repoUrl: string;
  /** The bare repository on disk. */
  readonly repositoryPath: string;
  readonly #server: Server;
  readonly #children = new Set<ChildProcess>();
  readonly #temporaryDir?: string;
  #stopped?: Promise<void>;

  static async start(
    options: GitopsDemoServerOptions = {},
  ): Promise<GitopsDemoServer> {
    const host = options.host ?? '127.0.0.1';
    if (!LOOPBACK.includes(host))
      throw new Error(
        `gitops-demo: refusing to listen on ${host}: the demo repository takes pushes without credentials, so it listens on loopback only (127.0.0.1 or ::1)`,
      );
    const temporaryDir = options.dir
      ? undefined
      : await fs.mkdtemp(join(tmpdir(), 'gitops-demo-'));
    const root = options.dir ?? temporaryDir!;
    const repositoryPath = await seedRepository(root);
    const server = createServer({ requestTimeout: 120_000 });
    server.headersTimeout = 10_000;
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new GitopsDemoServer(
      server,
      `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      root,
      repositoryPath,
      temporaryDir,
    );
  }

  private constructor(
    server: Server,
    url: string,
    root: string,
    repositoryPath: string,
    temporaryDir: string | undefined,
  ) {
    this.#server = server;
    this.url = url;
    this.repoUrl = `${url}/${REPOSITORY}`;
    this.repositoryPath = repositoryPath;
    this.#temporaryDir = temporaryDir;
    server.on('request', (req, res) =>
      this.#handle(req, res, root).catch(error => {
        if (res.headersSent) res.destroy();
        else send(res, 500, 'text/plain', `${error}\n`);
      }),
    );
  }

  async #handle(req: IncomingMessage, res: ServerResponse, root: string) {
    const { host, port } = new URL(this.url);
    // A page elsewhere that resolves its own name to 127.0.0.1 must not reach the repository.
    if (![host, `localhost:${port}`].includes(req.headers.host ?? '')) {
      send(res, 421, 'text/plain', 'unexpected Host header\n');
      return;
    }
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    if (SMART_HTTP_PATH.test(url.pathname)) {
      const isRefs = url.pathname.endsWith('/info/refs');
      if (!url.pathname.startsWith(`/${REPOSITORY}/`))
        send(res, 404, 'text/plain', 'no such repository\n');
      else if (method !== (isRefs ? 'GET' : 'POST'))
        send(res, 405, 'text/plain', 'method not allowed\n');
      else if (!GIT_ENCODINGS.includes(req.headers['content-encoding'] ?? ''))
        send(res, 415, 'text/plain', 'only gzip request bodies\n');
      else this.#cgi(req, res, root, url);
      return;
    }
    if (method !== 'GET') {
      send(res, 405, 'text/plain', 'method not allowed\n');
      return;
    }
    if (url.pathname === '/healthz') {
      send(res, 200, 'text/plain', 'ok\n');
    } else if (url.pathname === '/api/branches') {
      const branches = await listBranches(this.repositoryPath);
      send(
        res,
        200,
        'application/json',
        JSON.stringify({ repository: this.repoUrl, branches }),
      );
    } else if (url.pathname === '/') {
      const branches = await listBranches(this.repositoryPath);
      const only = url.searchParams.get('branch') ?? undefined;
      const known = !only || branches.some(b => b.name === only);
      send(
        res,
        known ? 200 : 404,
        'text/html',
        branchesPage({ repoUrl: this.repoUrl, branches, only }),
      );
    } else {
      send(res, 404, 'text/plain', 'not found\n');
    }
  }

  #cgi(req: IncomingMessage, res: ServerResponse, root: string, url: URL) {
    const child = gitHttpBackend(
      root,
      req,
      res,
      url.pathname,
      url.search.slice(1),
    );
    this.#children.add(child);
    child.on('close', () => this.#children.delete(child));
  }

  /** Stops listening, ends every connection and git process, and removes a temporary folder. */
  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      const closed = new Promise<void>(resolve =>
        this.#server.close(() => resolve()),
      );
      this.#server.closeAllConnections();
      await Promise.all(
        [...this.#children].map(
          child =>
            new Promise<void>(resolve => {
              if (child.exitCode !== null || child.signalCode !== null)
                resolve();
              else {
                child.once('close', () => resolve());
                child.kill();
              }
            }),
        ),
      );
      await closed;
      if (this.#temporaryDir)
        await fs.rm(this.#temporaryDir, { recursive: true, force: true });
    })();
    return this.#stopped;
  }
}
