import type { RequestLogEntry } from '@internal/kube-simulator';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { track } from './running';

/** The simulator's identities: the backups plugin's, and Backstage's Kubernetes plugin's. */
export const TOKENS = {
  backups: 'bench-backups',
  kubernetes: 'bench-kubernetes',
};

type Options = {
  backups: number;
  schedules: number;
  latencyMs: number;
  /** Default 0: a free port. */
  port?: number;
};

/**
 * The project's Kubernetes API simulator in a process of its own (as an API
 * server is), started through its CLI; its request log is read from the
 * JSON-lines file it appends to.
 */
export class SimulatorProcess {
  readonly url: string;
  readonly #child: ChildProcess;
  readonly #logDir: string;
  readonly #untrack: () => void;

  static async start(options: Options): Promise<SimulatorProcess> {
    const logDir = mkdtempSync(join(tmpdir(), 'bench-requests-'));
    const pkg = dirname(
      require.resolve('@internal/kube-simulator/package.json'),
    );
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=6144',
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        join(pkg, 'src/bin/start.ts'),
        ...['--port', String(options.port ?? 0)],
        ...['--backups', String(options.backups)],
        ...['--schedules', String(options.schedules)],
        ...['--latency-ms', String(options.latencyMs)],
        ...['--identity', 'backups', '--token', TOKENS.backups],
        ...['--tokens', `kubernetes=${TOKENS.kubernetes}`],
        ...['--request-log-dir', logDir],
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', chunk => {
        out += chunk;
        const match = out.match(/listening on (http:\/\/\S+)/);
        if (match) resolve(match[1]);
      });
      child.once('exit', code =>
        reject(new Error(`the simulator exited with ${code}: ${out}`)),
      );
    });
    return new SimulatorProcess(url, child, logDir);
  }

  private constructor(url: string, child: ChildProcess, logDir: string) {
    this.url = url;
    this.#child = child;
    this.#logDir = logDir;
    this.#untrack = track(() => this.stop());
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Every request answered so far, oldest first. */
  requests(): RequestLogEntry[] {
    return readdirSync(this.#logDir).flatMap(file =>
      readFileSync(join(this.#logDir, file), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line) as RequestLogEntry),
    );
  }

  /** The requests made while `fn` ran, and a moment after (late log lines). */
  async requestsDuring<T>(
    fn: () => Promise<T>,
    settleMs = 100,
  ): Promise<{ result: T; requests: RequestLogEntry[] }> {
    const before = this.requests().length;
    const result = await fn();
    await new Promise(r => setTimeout(r, settleMs));
    return { result, requests: this.requests().slice(before) };
  }

  async stop(): Promise<void> {
    this.#untrack();
    if (this.#child.exitCode === null) {
      const exited = new Promise(r => this.#child.once('exit', r));
      this.#child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.#logDir, { recursive: true, force: true });
  }
}
