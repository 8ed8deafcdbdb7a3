import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  addFiles,
  cloneRepo,
  commitAndPushBranch,
  removeFiles,
} from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { GitopsRemote } from './gitopsRemote';
import { listRemoteBranches } from './listRemoteBranches';
import { readTreeFiles, sameTree, TreeFiles } from './readTreeFiles';

/**
 * Makes the proposal branch hold `files` with the scaffolder's git helpers:
 * clones the branch if it exists (else the base) into `dir`, writes the files
 * over it, and commits and pushes. A branch that already holds them gets no
 * new commit, so re-running a task proposes once. It never pushes to the
 * repository's default branch, nor a new branch onto a base that moved since
 * the checkout (its files would undo what landed meanwhile).
 */
export async function pushProposal(options: {
  remote: GitopsRemote;
  base: string;
  branch: string;
  /** The base's commit when it was checked out. */
  checkedOut: string;
  files: TreeFiles;
  dir: string;
  commitMessage: string;
  gitAuthorInfo: { name?: string; email?: string };
  logger: LoggerService;
}): Promise<{ commit: string; pushed: boolean }> {
  const { remote, base, branch, files, dir, logger } = options;
  const { auth } = remote;
  const { branches, defaultBranch } = await listRemoteBranches(remote);
  if (branch === defaultBranch)
    throw new InputError(
      `branchName ${branch} is the repository's default branch: a proposal never pushes to it`,
    );
  const existing = branches.get(branch);
  if (!existing && branches.get(base) !== options.checkedOut)
    throw new ConflictError(
      `${base} moved from ${options.checkedOut.slice(
        0,
        12,
      )} since the checkout: run the template again`,
    );
  await cloneRepo({
    url: remote.url,
    dir,
    ref: existing ? branch : base,
    auth,
    logger,
  });
  const current = await readTreeFiles(dir);
  if (existing && sameTree(current, files))
    return { commit: existing, pushed: false };

  let edits = 0;
  for (const [path, content] of files) {
    if (current.get(path)?.equals(content)) continue;
    await fs.mkdir(dirname(join(dir, path)), { recursive: true });
    await fs.writeFile(join(dir, path), content);
    await addFiles({ dir, filepath: path, auth, logger });
    edits++;
  }
  for (const path of current.keys()) {
    if (files.has(path)) continue;
    await fs.rm(join(dir, path));
    await removeFiles({ dir, filepath: path, auth, logger });
    edits++;
  }
  if (!edits)
    throw new InputError(
      `${base} already holds this change: nothing to propose`,
    );
  const { commitHash } = await commitAndPushBranch({
    dir,
    auth,
    logger,
    commitMessage: options.commitMessage,
    gitAuthorInfo: options.gitAuthorInfo,
    branch,
  });
  return { commit: commitHash, pushed: true };
}
