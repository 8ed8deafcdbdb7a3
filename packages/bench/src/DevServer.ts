import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { track } from './running';
import { until } from './timing';

/**
 * `yarn workspace <name> start` in a process group of its own (as
 * scripts/e2e.sh starts the app and backend), stopped by that group's id;
 * its output goes to a log file.
 */
export class DevServer {
  readonly #child: ChildProcess;
  readonly #log: string;
  readonly #untrack: () => void;

  static start(options: {
    root: string;
    workspace: string;
    env: Record<string, string>;
    logDir: string;
  }): DevServer {
    const log = join(options.logDir, `${options.workspace}.log`);
    const out = openSync(log, 'w');
    const child = spawn('yarn', ['workspace', options.workspace, 'start'], {
      cwd: options.root,
      env: { ...process.env, BROWSER: 'none', ...options.env },
      detached: true,
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    return new DevServer(child, log);
  }

  private constructor(child: ChildProcess, log: string) {
    this.#child = child;
    this.#log = log;
    this.#untrack = track(() => this.stop());
  }

  /** Waits until `url` answers 2xx; on failure, says why with the log's tail. */
  async ready(url: string, boundMs = 600_000): Promise<void> {
    try {
      await until(
        `${url} to answer`,
        async () => {
          if (this.#child.exitCode !== null)
            throw new Error(`exited with ${this.#child.exitCode}`);
          return fetch(url).then(
            r => r.ok,
            () => false,
          );
        },
        boundMs,
      );
    } catch (error) {
      const tail = readFileSync(this.#log, 'utf8').split('\n').slice(-30);
      throw new Error(`${error}\n${tail.join('\n')}`);
    }
  }

  async stop(): Promise<void> {
    this.#untrack();
    const pid = this.#child.pid;
    if (pid === undefined || this.#child.exitCode !== null) return;
    const exited = new Promise(r => this.#child.once('exit', r));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
    if (this.#child.exitCode === null) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}
