import { promises as fs } from 'node:fs';
import { join, relative } from 'node:path';

/** Files of a tree by path relative to its root ('/' separated). */
export type TreeFiles = Map<string, Buffer>;

/**
 * The regular files under `root`, without any `.git` folder. Symbolic links
 * are not followed and not listed: a GitOps tree is YAML, and the Velero
 * action refuses links that leave the workspace.
 */
export async function readTreeFiles(root: string): Promise<TreeFiles> {
  const files: TreeFiles = new Map();
  async function walk(dir: string) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '.git') await walk(full);
      else if (entry.isFile())
        files.set(
          relative(root, full).split('\\').join('/'),
          await fs.readFile(full),
        );
    }
  }
  await walk(root);
  return files;
}

/** Whether two trees hold the same files with the same content. */
export function sameTree(a: TreeFiles, b: TreeFiles): boolean {
  return (
    a.size === b.size &&
    [...a].every(([path, content]) => b.get(path)?.equals(content))
  );
}
