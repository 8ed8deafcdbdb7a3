import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { z as zod } from 'zod/v3';
import { examples } from './createGitopsDiffAction.examples';
import { diffMarkdown } from './diffMarkdown';
import { gitopsInputs, parseGitopsInput } from './gitopsInputs';
import { workspaceChange } from './workspaceChange';

const ID = 'backups:gitops:diff';
/** Past this, the task log says where the rest of the diff is rather than printing it. */
const LOGGED_DIFF_MAX = 100_000;

function diffInput(z: typeof zod) {
  return z
    .object({
      path: gitopsInputs(z)
        .path(
          'path',
          'Where backups:gitops:checkout cloned the repository (its targetPath; default: the workspace)',
        )
        .optional(),
    })
    .strict();
}

/**
 * `backups:gitops:diff`: the unified diff of the workspace against what
 * `backups:gitops:checkout` checked out, in the task log and as outputs, so
 * that a template shows the change before it proposes it.
 */
export function createGitopsDiffAction() {
  let input: ReturnType<typeof diffInput> | undefined;
  return createTemplateAction({
    id: ID,
    description:
      'Shows the unified diff of the workspace against the checked-out GitOps branch, before anything is proposed',
    examples,
    supportsDryRun: true,
    schema: {
      input: z => (input ??= diffInput(z)),
      output: z =>
        z.object({
          diff: z.string().describe('The unified diff, as git diff prints it'),
          markdown: z
            .string()
            .describe(
              'The diff as a fenced markdown block, for a pull request body',
            ),
          files: z
            .array(
              z.object({
                path: z.string(),
                change: z.enum(['added', 'modified', 'deleted']),
              }),
            )
            .describe('The files that differ'),
          changed: z.boolean().describe('Whether anything differs'),
        }),
    },
    async handler(ctx) {
      const { path = '.' } = parseGitopsInput(ID, input!, ctx.input);
      const { record, diff, files } = await workspaceChange(
        ctx.workspacePath,
        path,
      );
      const against = `${record.branch} (${record.commit.slice(0, 12)}) of ${
        record.repoUrl
      }`;
      if (!files.length) ctx.logger.info(`No change against ${against}`);
      else {
        ctx.logger.info(
          `${files.length} file(s) changed against ${against}:\n${files
            .map(f => `  ${f.change} ${f.path}`)
            .join('\n')}`,
        );
        ctx.logger.info(
          diff.length > LOGGED_DIFF_MAX
            ? `${diff.slice(0, LOGGED_DIFF_MAX)}\n… the diff is cut here: ${
                diff.length
              } characters in all`
            : diff,
        );
      }
      ctx.output('diff', diff);
      ctx.output('markdown', diffMarkdown(diff));
      ctx.output('files', files);
      ctx.output('changed', files.length > 0);
    },
  });
}
