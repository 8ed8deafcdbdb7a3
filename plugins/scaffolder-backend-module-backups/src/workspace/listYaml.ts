import { promises as fs } from 'node:fs';
import { relative, resolve } from 'node:path';
import { GitopsFile } from '../lint/lintGitopsTree';

/**
 * The YAML files below a directory of the workspace, with paths relative to
 * it. Symbolic links are not followed: what they point to is not the
 * repository's to lint or edit.
 */
export async function listYaml(
  workspace: string,
  dir: string,
): Promise<GitopsFile[]> {
  const out: GitopsFile[] = [];
  async function walk(current: string) {
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = resolve(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
        out.push({
          path: relative(workspace, full).split('\\').join('/'),
          content: await fs.readFile(full, 'utf8'),
        });
      }
    }
  }
  await walk(resolve(workspace, dir));
  return out;
}
