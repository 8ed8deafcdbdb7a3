import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { appChanges } from '../generate/appChanges';
import { lintGitopsTree } from '../lint/lintGitopsTree';
import { parseOrThrow } from '../options/parseOrThrow';
import { VeleroSchemas, veleroSchemas } from '../options/veleroOptionsSchema';
import { listYaml } from '../workspace/listYaml';
import { assertInsideWorkspace } from '../workspace/workspacePathProblem';
import { examples } from './createVeleroGenerateAction.examples';
import { describePullRequest } from './describePullRequest';
import { resolveOptions } from './resolveOptions';
import { writeVeleroBackup } from './writeVeleroBackup';

/**
 * `backups:velero:generate`: writes the Velero GitOps directory for an app
 * (seed §2 to §4, with the seed's mistakes fixed), its Schedule and the
 * overlay wiring, and lints the existing tree.
 */
export function createVeleroGenerateAction(options: { config?: Config } = {}) {
  // Built on the zod the scaffolder hands to the schema callback when the
  // action is created; the handler validates with the same schemas.
  let schemas: VeleroSchemas | undefined;
  return createTemplateAction({
    id: 'backups:velero:generate',
    description:
      "Writes the Velero GitOps directory, the app's Schedule and the overlay wiring, and lints the existing tree",
    examples,
    supportsDryRun: true,
    schema: {
      input: z => (schemas ??= veleroSchemas(z)).input,
      output: z =>
        z.object({
          files: z.array(z.string()).describe('Files written or changed'),
          createdVelero: z
            .boolean()
            .describe('Whether the Velero directory was created'),
          warnings: z
            .array(z.string())
            .describe('Lint findings in the existing GitOps tree'),
          labels: z
            .record(z.string(), z.string())
            .describe("Labels the app's PVCs and CNPG cluster need"),
          appPatches: z
            .array(z.string())
            .describe("Labels and hooks written into the app's kustomization"),
          branchName: z
            .string()
            .describe('Branch for the pull request, a valid git ref'),
          pullRequestBody: z
            .string()
            .describe(
              'Markdown for the pull request: what to check, labels and hooks',
            ),
        }),
    },
    async handler(ctx) {
      const { input, options: optionsSchema } = schemas!;
      const { overwrite, lintOnly, ...given } = parseOrThrow(input, ctx.input);
      // Config defaults come in before the options are validated as a whole.
      const o = parseOrThrow(
        optionsSchema,
        resolveOptions(given, options.config),
      );
      const workspace = ctx.workspacePath;
      await assertInsideWorkspace(workspace, [
        { field: 'basePath', path: o.basePath },
        { field: 'overlayKustomization', path: o.overlayKustomization },
        { field: 'fluxSourceRoot', path: o.fluxSourceRoot },
        { field: 'appPath', path: o.appPath },
      ]);

      const tree = await listYaml(workspace, o.basePath);
      const warnings = lintGitopsTree(tree, {
        fluxSourceRoot: o.fluxSourceRoot,
      });
      for (const warning of warnings) ctx.logger.warn(warning);
      // Only local writes here, no remote side effect: nothing to checkpoint.
      // In a dry run the workspace is a scratch copy, so writing shows the result.
      const written = lintOnly
        ? { files: [], createdVelero: false, appPatches: [] }
        : await writeVeleroBackup(workspace, o, tree, Boolean(overwrite));

      const changes = appChanges(o);
      ctx.output('files', written.files);
      ctx.output('createdVelero', written.createdVelero);
      ctx.output('warnings', warnings);
      ctx.output('labels', changes.labels);
      ctx.output('appPatches', written.appPatches);
      ctx.output('branchName', o.branchName);
      ctx.output(
        'pullRequestBody',
        describePullRequest(
          o,
          written.files,
          warnings,
          changes,
          written.createdVelero,
          written.appPatches,
        ),
      );
    },
  });
}
