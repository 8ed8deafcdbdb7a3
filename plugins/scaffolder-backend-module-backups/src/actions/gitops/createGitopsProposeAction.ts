import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { z as zod } from 'zod/v3';
import { examples } from './createGitopsProposeAction.examples';
import { gitopsInputs, parseGitopsInput } from './gitopsInputs';
import { gitopsRemote } from './gitopsRemote';
import { proposalProblem } from './proposalProblem';
import { proposalUrl } from './proposalUrl';
import { pushProposal } from './pushProposal';
import { workspaceChange } from './workspaceChange';

const ID = 'backups:gitops:propose';

function proposeInput(z: typeof zod) {
  const inputs = gitopsInputs(z);
  return z
    .object({
      repoUrl: inputs.repoUrl,
      baseBranch: inputs
        .branch(
          'baseBranch',
          'Branch the change is proposed onto (default: the branch checked out)',
        )
        .optional(),
      branchName: inputs.branch(
        'branchName',
        'Branch that carries the proposal',
      ),
      title: z
        .string()
        .min(1, 'title must not be empty')
        .max(200, 'title must be at most 200 characters')
        .regex(/^[^\r\n]+$/, 'title must be one line')
        .describe('Title of the change: the commit subject'),
      description: z
        .string()
        .max(60_000, 'description must be at most 60000 characters')
        .describe('What the change does and what to check: the commit body')
        .optional(),
      path: inputs
        .path(
          'path',
          'Where backups:gitops:checkout cloned the repository (default: the workspace)',
        )
        .optional(),
    })
    .strict();
}

/**
 * `backups:gitops:propose`: for a plain git remote (the demo repository),
 * commits the workspace's change onto a new branch and pushes it with the
 * scaffolder's git helpers. It refuses to push to the base branch or an empty
 * change, and a branch that already holds the change gets no second commit.
 */
export function createGitopsProposeAction(options: { config?: Config } = {}) {
  const { config } = options;
  let input: ReturnType<typeof proposeInput> | undefined;
  return createTemplateAction({
    id: ID,
    description:
      'Commits the change in the workspace onto a new branch of a plain git GitOps repository and pushes it',
    examples,
    supportsDryRun: true,
    schema: {
      input: z => (input ??= proposeInput(z)),
      output: z =>
        z.object({
          branch: z.string().describe('The branch that carries the proposal'),
          commit: z
            .string()
            .optional()
            .describe('Its commit (none in a dry run)'),
          diff: z.string().describe('The change, as a unified diff'),
          url: z.string().describe('Where to see the proposal'),
          pushed: z
            .boolean()
            .describe(
              'false when the branch already held the change, or in a dry run',
            ),
        }),
    },
    async handler(ctx) {
      const given = parseGitopsInput(ID, input!, ctx.input);
      const remote = gitopsRemote(config, given.repoUrl);
      const { record, tree, diff } = await workspaceChange(
        ctx.workspacePath,
        given.path ?? '.',
      );
      const base = given.baseBranch ?? record.branch;
      const branch = given.branchName;
      const problem = proposalProblem({ record, ...given, base, branch, diff });
      if (problem) throw new InputError(problem);
      const url = proposalUrl(remote, base, branch);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would push this change to ${branch}, onto ${base}:\n${diff}`,
        );
        ctx.output('branch', branch);
        ctx.output('diff', diff);
        ctx.output('url', url);
        ctx.output('pushed', false);
        return;
      }

      const { commit, pushed } = await pushProposal({
        remote,
        base,
        branch,
        checkedOut: record.commit,
        files: tree,
        dir: await ctx.createTemporaryDirectory(),
        commitMessage: given.description
          ? `${given.title}\n\n${given.description}`
          : given.title,
        gitAuthorInfo: {
          name: config?.getOptionalString('scaffolder.defaultAuthor.name'),
          email: config?.getOptionalString('scaffolder.defaultAuthor.email'),
        },
        logger: ctx.logger,
      });
      ctx.logger.info(
        pushed
          ? `Pushed ${commit} to ${branch}; see ${url}`
          : `${branch} already holds this change at ${commit}: no new commit; see ${url}`,
      );
      ctx.output('branch', branch);
      ctx.output('commit', commit);
      ctx.output('diff', diff);
      ctx.output('url', url);
      ctx.output('pushed', pushed);
    },
  });
}
