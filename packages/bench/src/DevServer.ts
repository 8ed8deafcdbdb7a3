import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { track } from './running';
import { until } from './timing';

let starts = 0;

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
    starts += 1;
    const log = join(options.logDir, `${options.workspace}-${starts}.log`);
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

  /**
   * Stops the whole process group (`backstage-cli package start` runs the
   * backend in a child that shuts down on its own time): SIGTERM, then
   * SIGKILL for whatever is left after 20 s.
   */
  async stop(): Promise<void> {
    this.#untrack();
    const pid = this.#child.pid;
    if (pid === undefined || !groupAlive(pid)) return;
    signal(pid, 'SIGTERM');
    const deadline = Date.now() + 20_000;
    while (groupAlive(pid) && Date.now() < deadline)
      await new Promise(r => setTimeout(r, 100));
    if (!groupAlive(pid)) return;
    signal(pid, 'SIGKILL');
    // Killed processes only linger as zombies until their parent reaps them.
    const reaped = Date.now() + 5_000;
    while (groupAlive(pid) && Date.now() < reaped)
      await new Promise(r => setTimeout(r, 100));
  }
}

/** Whether any process of the group is left (signal 0 only checks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pgid: number, name: NodeJS.Signals) {
  try {
    process.kill(-pgid, name);
  } catch {
    // The group is gone already.
  }
}
