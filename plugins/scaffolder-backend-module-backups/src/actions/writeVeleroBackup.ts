import { posix } from 'node:path';
import { planAppPatches } from '../generate/planAppPatches';
import { planVeleroBackup } from '../generate/planVeleroBackup';
import { veleroPaths } from '../generate/paths';
import { GitopsFile } from '../lint/lintGitopsTree';
import { VeleroBackupOptions } from '../options/veleroOptionsSchema';
import { listYaml } from '../workspace/listYaml';
import {
  classifyPlannedFiles,
  conflictError,
  readWorkspaceFile,
  writePlannedFiles,
} from '../workspace/writePlannedFiles';
import { assertInsideWorkspace } from '../workspace/workspacePathProblem';

/** The input a planned file comes from, to name in an error. */
function fieldOf(o: VeleroBackupOptions, path: string): string {
  if (path === o.overlayKustomization) return 'overlayKustomization';
  return path.startsWith(`${posix.normalize(o.appPath)}/`)
    ? 'appPath'
    : 'basePath';
}

/**
 * Plans the Velero files and the app's patches, refuses conflicts and any
 * target that leaves the workspace, then writes. Nothing is written unless
 * every check passes. These are local writes: they run on every attempt,
 * a resumed task included.
 */
export async function writeVeleroBackup(
  workspace: string,
  o: VeleroBackupOptions,
  tree: GitopsFile[],
  overwrite: boolean,
) {
  const existing = new Map<string, string | undefined>(
    tree.map(f => [f.path, f.content]),
  );
  existing.set(
    o.overlayKustomization,
    await readWorkspaceFile(workspace, o.overlayKustomization),
  );
  const plan = planVeleroBackup(o, path => existing.get(path));
  const appFiles = await listYaml(workspace, o.appPath);
  for (const file of appFiles) existing.set(file.path, file.content);
  const app = planAppPatches(o, o.appPath, appFiles);
  const editedInPlace = new Set([
    o.overlayKustomization,
    veleroPaths(o).schedulesKustomization,
    posix.join(o.appPath, 'kustomization.yaml'),
  ]);
  const { changed, conflicts } = classifyPlannedFiles(
    [...plan.files, ...app.files],
    existing,
    editedInPlace,
    overwrite,
  );
  if (conflicts.length) throw conflictError(conflicts);
  await assertInsideWorkspace(
    workspace,
    changed.map(f => ({ field: fieldOf(o, f.path), path: f.path })),
  );
  await writePlannedFiles(workspace, changed);
  return {
    files: changed.map(f => f.path),
    createdVelero: plan.createdVelero,
    appPatches: app.patched,
  };
}
