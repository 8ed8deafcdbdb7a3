import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import { posix, relative, resolve } from 'node:path';
import { appChanges } from '../generate/appChanges';
import { planAppPatches } from '../generate/planAppPatches';
import { planVeleroBackup } from '../generate/planVeleroBackup';
import {
  classifyPlannedFiles,
  conflictError,
  readWorkspaceFile,
  writePlannedFiles,
} from '../generate/writePlannedFiles';
import { lintGitopsTree } from '../lint/lintGitopsTree';
import { validateOptions } from '../validation/validateOptions';
import { examples } from './createVeleroGenerateAction.examples';
import { describePullRequest } from './describePullRequest';
import { resolveOptions } from './resolveOptions';

async function listYaml(
  workspace: string,
  dir: string,
): Promise<Array<{ path: string; content: string }>> {
  const root = resolve(workspace, dir);
  const out: Array<{ path: string; content: string }> = [];
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
      else if (/\.ya?ml$/.test(entry.name)) {
        out.push({
          path: relative(workspace, full).split('\\').join('/'),
          content: await fs.readFile(full, 'utf8'),
        });
      }
    }
  }
  await walk(root);
  return out;
}

/**
 * `backups:velero:generate`: writes the Velero GitOps directory for an app
 * (seed §2 to §4, with the seed's mistakes fixed), its Schedule and the
 * overlay wiring, and lints the existing tree.
 */
export function createVeleroGenerateAction(options: { config?: Config } = {}) {
  return createTemplateAction({
    id: 'backups:velero:generate',
    description:
      "Writes the Velero GitOps directory, the app's Schedule and the overlay wiring, and lints the existing tree",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        appName: z =>
          z
            .string({
              description:
                'App name; names the Schedule file and, by default, the Schedule (<appName>-daily)',
            })
            .min(1),
        namespace: z =>
          z.string({ description: 'Namespace of the app to back up' }).min(1),
        labelSelector: z =>
          z
            .string({
              description:
                "Label selector of the app's resources, e.g. app.kubernetes.io/name=odoo; key=value terms become matchLabels, in/notin/key/!key become matchExpressions (default app.kubernetes.io/name=<appName>)",
            })
            .optional(),
        schedule: z =>
          z
            .string({
              description:
                'Velero cron as robfig/cron v3 reads it: five fields, names, ?, @daily or @every 6h, optional CRON_TZ= prefix (default 0 3 * * *)',
            })
            .optional(),
        ttl: z =>
          z
            .string({
              description:
                'Retention as a Go duration such as 168h or 72h30m; no d unit (default 168h)',
            })
            .optional(),
        scheduleName: z =>
          z
            .string({ description: 'Schedule name (default <appName>-daily)' })
            .optional(),
        includedResources: z =>
          z
            .array(z.string(), {
              description: "Resources to back up (default: the seed's list)",
            })
            .optional(),
        veleroNamespace: z =>
          z
            .string({
              description: 'Namespace Velero runs in (default velero)',
            })
            .optional(),
        storageLocation: z =>
          z
            .string({ description: 'BackupStorageLocation name (default gcs)' })
            .optional(),
        bucket: z =>
          z
            .string({ description: 'Bucket of the BackupStorageLocation' })
            .optional(),
        provider: z =>
          z
            .string({ description: 'Object storage provider (default gcp)' })
            .optional(),
        snapshotLocation: z =>
          z
            .string({
              description:
                'VolumeSnapshotLocation name (default csi-ceph-blockpool)',
            })
            .optional(),
        snapshotProvider: z =>
          z
            .string({
              description:
                'VolumeSnapshotLocation provider (default velero.io/csi)',
            })
            .optional(),
        secretStoreKind: z =>
          z
            .string({
              description:
                'Kind of the External Secrets store (default ClusterSecretStore)',
            })
            .optional(),
        secretStoreName: z =>
          z
            .string({
              description:
                'Name of the External Secrets store (default onepassword)',
            })
            .optional(),
        secretKey: z =>
          z
            .string({
              description:
                "Item key of Velero's credentials, also the Secret name (default velero-gcs)",
            })
            .optional(),
        veleroVersion: z =>
          z
            .string({ description: 'Velero image tag (default v1.15.0)' })
            .optional(),
        gcpPluginVersion: z =>
          z
            .string({
              description: 'Object storage plugin image tag (default v1.11.0)',
            })
            .optional(),
        chartVersion: z =>
          z
            .string({
              description: 'Velero Helm chart version (default 8.2.0)',
            })
            .optional(),
        basePath: z =>
          z
            .string({
              description: 'GitOps base path (default kubernetes/apps/base)',
            })
            .optional(),
        overlayKustomization: z =>
          z
            .string({
              description:
                'Overlay kustomization.yaml to wire (default kubernetes/apps/overlays/cluster-00/kustomization.yaml)',
            })
            .optional(),
        fluxSourceName: z =>
          z
            .string({
              description:
                'Flux GitRepository the Kustomizations read (default flux-system)',
            })
            .optional(),
        fluxSourceRoot: z =>
          z
            .string({
              description:
                "Path of the Flux source's root in the repository; Kustomization paths are relative to it (default .)",
            })
            .optional(),
        cnpgCluster: z =>
          z
            .string({
              description:
                "The app's CNPG Cluster, to label through spec.inheritedMetadata",
            })
            .optional(),
        hookContainer: z =>
          z
            .string({
              description:
                'Container that runs the backup hooks (default appName)',
            })
            .optional(),
        appPath: z =>
          z
            .string({
              description:
                "The app's kustomization directory, where labels and hooks are patched in (default <basePath>/<namespace>/<appName>/app, the seed's layout); without a kustomization there they only go to the pull request body",
            })
            .optional(),
        overwrite: z =>
          z
            .boolean({
              description:
                'Replace generated files that exist with different content',
            })
            .optional(),
        lintOnly: z =>
          z
            .boolean({
              description: 'Only lint the existing GitOps tree; write nothing',
            })
            .optional(),
      },
      output: {
        files: z =>
          z.array(z.string(), { description: 'Files written or changed' }),
        createdVelero: z =>
          z.boolean({
            description: 'Whether the Velero directory was created',
          }),
        warnings: z =>
          z.array(z.string(), {
            description: 'Lint findings in the existing GitOps tree',
          }),
        labels: z =>
          z.record(z.string(), z.string(), {
            description: "Labels the app's PVCs and CNPG cluster need",
          }),
        appPatches: z =>
          z.array(z.string(), {
            description:
              "Labels and hooks written into the app's kustomization",
          }),
        pullRequestBody: z =>
          z.string({
            description:
              'Markdown for the pull request: what to check, labels and hooks',
          }),
      },
    },
    async handler(ctx) {
      const {
        overwrite,
        lintOnly,
        appPath: givenAppPath,
        ...given
      } = ctx.input;
      // Templates pass missing annotations and empty form fields as "": use the
      // defaults, except for the required fields, whose "" validation refuses.
      const rest = Object.fromEntries(
        Object.entries(given).filter(
          ([key, v]) => v !== '' || key === 'appName' || key === 'namespace',
        ),
      ) as typeof given;
      const o = resolveOptions(rest, options.config);
      validateOptions(o);
      const appPath =
        givenAppPath || posix.join(o.basePath, o.namespace, o.appName, 'app');
      if (appPath.startsWith('/') || appPath.split('/').includes('..')) {
        throw new InputError(
          `Invalid input for backups:velero:generate: appPath: "${appPath}" must be a relative path inside the repository`,
        );
      }

      const workspace = ctx.workspacePath;
      const existing = new Map<string, string | undefined>();
      const read = (path: string) => existing.get(path);
      // Everything the plan may read, loaded before planning (the plan is pure).
      const tree = await listYaml(workspace, o.basePath);
      for (const file of tree) existing.set(file.path, file.content);
      existing.set(
        o.overlayKustomization,
        await readWorkspaceFile(workspace, o.overlayKustomization),
      );

      const changes = appChanges(o);
      if (lintOnly) {
        const findings = lintGitopsTree(tree, {
          fluxSourceRoot: o.fluxSourceRoot,
        });
        for (const warning of findings) ctx.logger.warn(warning);
        ctx.output('files', []);
        ctx.output('createdVelero', false);
        ctx.output('warnings', findings);
        ctx.output('labels', changes.labels);
        ctx.output('appPatches', []);
        ctx.output(
          'pullRequestBody',
          describePullRequest(o, [], findings, changes, false, []),
        );
        return;
      }

      const plan = planVeleroBackup(o, read);
      const appFiles = await listYaml(workspace, appPath);
      for (const file of appFiles) existing.set(file.path, file.content);
      const app = planAppPatches(o, appPath, appFiles);
      const edited = new Set([
        o.overlayKustomization,
        posix.join(
          o.basePath,
          'backup-system/velero/schedules/kustomization.yaml',
        ),
        posix.join(appPath, 'kustomization.yaml'),
      ]);
      const { changed, conflicts } = classifyPlannedFiles(
        [...plan.files, ...app.files],
        existing,
        edited,
        Boolean(overwrite),
      );
      if (conflicts.length) throw conflictError(conflicts);

      const warnings = lintGitopsTree(tree, {
        fluxSourceRoot: o.fluxSourceRoot,
      });
      for (const warning of warnings) ctx.logger.warn(warning);

      // The workspace is a scratch copy in a dry run too, so writing shows the result.
      await ctx.checkpoint({
        key: `backups-velero-generate-${o.appName}`,
        fn: async () => {
          await writePlannedFiles(workspace, changed);
        },
      });
      ctx.output(
        'files',
        changed.map(f => f.path),
      );
      ctx.output('createdVelero', plan.createdVelero);
      ctx.output('warnings', warnings);
      ctx.output('labels', changes.labels);
      ctx.output('appPatches', app.patched);
      ctx.output(
        'pullRequestBody',
        describePullRequest(
          o,
          changed.map(f => f.path),
          warnings,
          changes,
          plan.createdVelero,
          app.patched,
        ),
      );
    },
  });
}
