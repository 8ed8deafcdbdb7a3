import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  cloneRepo,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import type { z as zod } from 'zod/v3';
import { resolve } from 'node:path';
import { workspacePathProblem } from '../../workspace/workspacePathProblem';
import { writeCheckoutRecord } from './checkoutRecord';
import { examples } from './createGitopsCheckoutAction.examples';
import { gitopsInputs, parseGitopsInput } from './gitopsInputs';
import { gitopsRemote } from './gitopsRemote';
import { listRemoteBranches } from './listRemoteBranches';

const ID = 'backups:gitops:checkout';

function checkoutInput(z: typeof zod) {
  const inputs = gitopsInputs(z);
  return z
    .object({
      repoUrl: inputs.repoUrl,
      branch: inputs
        .branch(
          'branch',
          'Branch to check out, and later to propose onto (default: backups.scaffolder.gitops.branch, else the default branch of the repository)',
        )
        .optional(),
      targetPath: inputs
        .path(
          'targetPath',
          'Folder of the workspace to clone into (default: the workspace itself)',
        )
        .optional(),
    })
    .strict();
}

/** The folder to clone into must be inside the workspace and hold nothing yet. */
async function targetDir(workspace: string, path: string): Promise<string> {
  const problem = await workspacePathProblem(workspace, path);
  if (problem)
    throw new InputError(`targetPath ${JSON.stringify(path)} ${problem}`);
  const dir = resolve(workspace, path);
  const entries = await fs.readdir(dir).catch(() => []);
  if (entries.length)
    throw new InputError(
      `targetPath ${JSON.stringify(
        path,
      )} is not empty: the repository is cloned into an empty folder`,
    );
  return dir;
}

/**
 * `backups:gitops:checkout`: clones a branch of the existing GitOps
 * repository into the workspace with the scaffolder's git helpers, and keeps
 * what it checked out so that `backups:gitops:diff` and
 * `backups:gitops:propose` can tell what the next steps changed.
 */
export function createGitopsCheckoutAction(options: { config?: Config } = {}) {
  const { config } = options;
  // Built on the zod the scaffolder hands to the schema callback; the handler parses with it.
  let input: ReturnType<typeof checkoutInput> | undefined;
  return createTemplateAction({
    id: ID,
    description:
      'Clones a branch of the existing GitOps repository into the workspace, to be changed, diffed and proposed',
    examples,
    supportsDryRun: true,
    schema: {
      input: z => (input ??= checkoutInput(z)),
      output: z =>
        z.object({
          branch: z.string().describe('The branch checked out'),
          commit: z.string().describe('Its commit when it was checked out'),
          forge: z
            .enum(['github', 'git'])
            .describe(
              'github: open a pull request; git: a plain git remote, such as the demo repository',
            ),
          githubRepoUrl: z
            .string()
            .optional()
            .describe(
              'The repository as publish:github:pull-request takes it (GitHub only)',
            ),
        }),
    },
    async handler(ctx) {
      const given = parseGitopsInput(ID, input!, ctx.input);
      const remote = gitopsRemote(config, given.repoUrl);
      const path = given.targetPath ?? '.';
      const dir = await targetDir(ctx.workspacePath, path);
      const { branches, defaultBranch } = await listRemoteBranches(remote);
      const branch =
        given.branch ??
        config?.getOptionalString('backups.scaffolder.gitops.branch') ??
        defaultBranch;
      const commit = branch && branches.get(branch);
      if (!branch || !commit)
        throw new NotFoundError(
          `The GitOps repository ${
            given.repoUrl
          } has no branch ${JSON.stringify(branch ?? '(default)')}; it has ${
            [...branches.keys()].join(', ') || 'none'
          }`,
        );
      // Reading only: a dry run checks out too, so that it shows the real result.
      await cloneRepo({
        url: remote.url,
        dir,
        ref: branch,
        auth: remote.auth,
        logger: ctx.logger,
      });
      await writeCheckoutRecord(dir, {
        repoUrl: given.repoUrl,
        branch,
        commit,
      });
      ctx.logger.info(
        `Checked out ${branch} at ${commit} of ${given.repoUrl} into ${path}`,
      );
      ctx.output('branch', branch);
      ctx.output('commit', commit);
      ctx.output('forge', remote.forge);
      if (remote.githubRepoUrl)
        ctx.output('githubRepoUrl', remote.githubRepoUrl);
    },
  });
}
