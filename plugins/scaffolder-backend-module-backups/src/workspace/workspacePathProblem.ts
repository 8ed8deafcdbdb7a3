import { isChildPath } from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { veleroInputError } from '../options/veleroInputError';

async function isSymlink(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    stat => stat.isSymbolicLink(),
    () => false,
  );
}

/**
 * Why a path of the repository would leave the workspace once symlinks are
 * followed, or undefined. The nearest existing ancestor is resolved with
 * `realpath`; the rest of the path does not exist yet, so it cannot be a link.
 */
export async function workspacePathProblem(
  workspace: string,
  path: string,
): Promise<string | undefined> {
  const root = await fs.realpath(workspace);
  const missing: string[] = [];
  let current = resolve(root, path);
  for (;;) {
    try {
      const real = join(await fs.realpath(current), ...missing);
      return isChildPath(root, real)
        ? undefined
        : 'resolves outside the workspace (through a symbolic link)';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return 'runs into a symbolic link loop';
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      // A dangling link would be created outside by the write that follows it.
      if (await isSymlink(current))
        return 'runs into a symbolic link whose target is missing';
      missing.unshift(basename(current));
      current = dirname(current);
    }
  }
}

/** Refuses, in one InputError naming each field once, paths that leave the workspace. */
export async function assertInsideWorkspace(
  workspace: string,
  paths: Array<{ field: string; path: string }>,
): Promise<void> {
  const problems = new Map<string, string>();
  for (const { field, path } of paths) {
    const problem =
      !problems.has(field) && (await workspacePathProblem(workspace, path));
    if (problem)
      problems.set(field, `${field}: ${JSON.stringify(path)} ${problem}`);
  }
  if (problems.size) throw veleroInputError([...problems.values()]);
}
