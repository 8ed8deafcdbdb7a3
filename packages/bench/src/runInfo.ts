import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository: two folders above this package's. */
export const ROOT = resolve(
  dirname(require.resolve('@internal/bench/package.json')),
  '../..',
);

/** The installed version of a package, found from where it resolves. */
function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name === name) return pkg.version;
    } catch {
      // No package.json here: look further up.
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Where and with what a run was made. */
export type RunInfo = {
  date: string;
  commit: string;
  /** Files changed since the commit, outside docs/ (the run's code is not the commit's). */
  uncommitted: string[];
  cpu: string;
  cores: number;
  ramGiB: number;
  loadBefore: number[];
  node: string;
  backstage: string;
  versions: Record<string, string>;
  command: string;
};

export function runInfo(command: string): RunInfo {
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommitted: git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter(line => line && !line.slice(3).startsWith('docs/')),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    loadBefore: loadavg(),
    node: process.version,
    backstage: JSON.parse(readFileSync(join(ROOT, 'backstage.json'), 'utf8'))
      .version,
    versions: Object.fromEntries(
      [
        '@backstage/backend-defaults',
        '@backstage/backend-test-utils',
        '@backstage/plugin-kubernetes-backend',
        '@kubernetes/client-node',
        '@playwright/test',
      ].map(name => [name, packageVersion(name)]),
    ),
    command,
  };
}
