import { ConflictError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { PlannedFile } from '../generate/planVeleroBackup';

/** Reads a workspace file, or undefined when it does not exist. */
export async function readWorkspaceFile(
  workspace: string,
  path: string,
): Promise<string | undefined> {
  try {
    return await fs.readFile(resolveSafeChildPath(workspace, path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Which planned files change the workspace. Generated files that exist with
 * other content are conflicts unless `overwrite`; wired files (kustomizations
 * edited in place) are expected to change.
 */
export function classifyPlannedFiles(
  files: PlannedFile[],
  existing: Map<string, string | undefined>,
  editedInPlace: Set<string>,
  overwrite: boolean,
) {
  const changed: PlannedFile[] = [];
  const conflicts: string[] = [];
  for (const file of files) {
    const current = existing.get(file.path);
    if (current === file.content) continue;
    if (current !== undefined && !editedInPlace.has(file.path) && !overwrite)
      conflicts.push(file.path);
    else changed.push(file);
  }
  return { changed, conflicts };
}

export async function writePlannedFiles(
  workspace: string,
  files: PlannedFile[],
) {
  for (const file of files) {
    const target = resolveSafeChildPath(workspace, file.path);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, file.content, 'utf8');
  }
}

export function conflictError(conflicts: string[]) {
  return new ConflictError(
    `These files exist with different content: ${conflicts.join(
      ', ',
    )}. Review them, or set overwrite: true to replace them.`,
  );
}
