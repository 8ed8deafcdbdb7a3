import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { posix } from 'node:path';
import { addKustomizationResource } from '../../generate/addKustomizationResource';
import { readWorkspaceFile } from '../../workspace/writePlannedFiles';
import { workspacePathProblem } from '../../workspace/workspacePathProblem';
import { cnpgInputError } from './cnpgInputError';

/** Refuses a directory whose manifest or kustomization would resolve outside the workspace. */
export async function assertTargetInsideWorkspace(
  workspace: string,
  dir: string,
  name: string,
): Promise<void> {
  for (const target of [
    dir,
    posix.join(dir, `${name}.yaml`),
    posix.join(dir, 'kustomization.yaml'),
  ]) {
    const problem = await workspacePathProblem(workspace, target);
    if (problem)
      throw cnpgInputError([
        `targetPath: ${JSON.stringify(target)} ${problem}`,
      ]);
  }
}

/**
 * Writes `<dir>/<name>.yaml` and lists it in the directory's kustomization when
 * there is one, so Flux applies it once merged. Everything is checked before
 * the first write: a path that leaves the workspace, an existing file.
 */
export async function writeRecoveryManifest(
  workspace: string,
  dir: string,
  name: string,
  content: string,
): Promise<{ path: string; kustomization?: string }> {
  const path = posix.join(dir, `${name}.yaml`);
  const kustomization = posix.join(dir, 'kustomization.yaml');
  await assertTargetInsideWorkspace(workspace, dir, name);
  if ((await readWorkspaceFile(workspace, path)) !== undefined)
    throw new ConflictError(
      `${path} exists already; choose another name or remove it`,
    );
  const current = await readWorkspaceFile(workspace, kustomization);
  const wired =
    current === undefined
      ? undefined
      : addKustomizationResource(current, `${name}.yaml`);

  await fs.mkdir(resolveSafeChildPath(workspace, dir), { recursive: true });
  await fs.writeFile(resolveSafeChildPath(workspace, path), content, 'utf8');
  if (wired === undefined) return { path };
  if (wired !== current)
    await fs.writeFile(resolveSafeChildPath(workspace, kustomization), wired);
  return { path, kustomization };
}
