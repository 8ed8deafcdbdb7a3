import { execFile } from 'node:child_process';
import { gitEnv } from './gitEnv';

/** Runs `git` (no shell) in `cwd` and resolves with its stdout. */
export function runGit(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: gitEnv(cwd, env),
        maxBuffer: 32 * 1024 * 1024,
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(
              `git ${args[0]} failed: ${stderr.trim() || error.message}`,
            ),
          );
        else resolve(stdout);
      },
    );
  });
}
