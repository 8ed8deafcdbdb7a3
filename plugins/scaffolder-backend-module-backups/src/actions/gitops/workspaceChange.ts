import { resolve } from 'node:path';
import { InputError } from '@backstage/errors';
import { workspacePathProblem } from '../../workspace/workspacePathProblem';
import { readCheckoutRecord } from './checkoutRecord';
import { readTreeFiles } from './readTreeFiles';
import { unifiedDiff } from './unifiedDiff';

/** The checkout at `path` of the workspace, its files now, and the diff from what was checked out. */
export async function workspaceChange(workspace: string, path: string) {
  const problem = await workspacePathProblem(workspace, path);
  if (problem) throw new InputError(`path ${JSON.stringify(path)} ${problem}`);
  const dir = resolve(workspace, path);
  const { record, base } = await readCheckoutRecord(dir, path);
  const tree = await readTreeFiles(dir);
  return { dir, record, tree, ...unifiedDiff(base, tree) };
}
