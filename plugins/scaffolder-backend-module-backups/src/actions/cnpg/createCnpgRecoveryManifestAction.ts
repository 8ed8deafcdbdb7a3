import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { validateManifest } from '@internal/crd-schemas';
import type { Document } from 'yaml';
import { assertTargetInWindow, windowText } from './assertTargetInWindow';
import {
  CNPG_RECOVERY_ACTION_ID,
  cnpgInputError,
  parseCnpgInput,
} from './cnpgInputError';
import { CnpgRecoveryInput, cnpgRecoverySchema } from './cnpgRecoverySchema';
import { examples } from './createCnpgRecoveryManifestAction.examples';
import { findRecoverySource } from './findRecoverySource';
import {
  BackupsBackendDeps,
  entityRefParts,
  readBackupsOverview,
} from './readBackupsOverview';
import { recoveryClusterDocument } from './recoveryClusterDocument';
import { recoveryName } from './recoveryName';
import { recoverySpec } from './readSourceSpec';
import { parseTargetTime, rfc3339Utc } from './targetTime';
import {
  assertTargetInsideWorkspace,
  writeRecoveryManifest,
} from './writeRecoveryManifest';

/** The reference layout: the app's manifests, the source Cluster's among them. */
function defaultTargetPath(input: CnpgRecoveryInput): string {
  const app = entityRefParts(input.entityRef).name;
  return `kubernetes/apps/base/${input.namespace}/${app}/app`;
}

/** Fails with the CRD schema's errors: a manifest CNPG would refuse is never proposed. */
function assertValidCluster(doc: Document, name: string) {
  const { valid, errors } = validateManifest(doc.toJS());
  if (!valid)
    throw new InputError(
      `The recovery Cluster ${name} does not match the CNPG Cluster schema: ${errors.join(
        '; ',
      )}`,
    );
}

/**
 * `backups:cnpg:recovery-manifest`: writes a new CNPG Cluster that recovers a
 * cluster to a point in time from its object store, after checking the time
 * against the live recoverability window the backups backend reports.
 */
export function createCnpgRecoveryManifestAction(deps: BackupsBackendDeps) {
  let schema: ReturnType<typeof cnpgRecoverySchema> | undefined;
  return createTemplateAction({
    id: CNPG_RECOVERY_ACTION_ID,
    description:
      'Writes a new CloudNativePG Cluster that recovers a cluster to a point in time inside its live recoverability window, archiving to a path of its own',
    examples,
    supportsDryRun: true,
    schema: {
      input: z => (schema ??= cnpgRecoverySchema(z)),
      output: z =>
        z.object({
          path: z
            .string()
            .describe('The manifest written, relative to the workspace'),
          name: z.string().describe('Name of the new Cluster'),
          window: z
            .object({
              from: z.string().describe('First recoverability point, UTC'),
              to: z.string().describe('Newest reachable point, UTC'),
            })
            .describe('The recoverability window read from the backend'),
          targetTime: z
            .string()
            .describe('The recovery target, RFC 3339 in UTC'),
        }),
    },
    async handler(ctx) {
      const input = parseCnpgInput(schema!, ctx.input);
      const parsed = parseTargetTime(input.targetTime);
      // The schema refused it already; this narrows the type.
      if (parsed.problem !== undefined)
        throw cnpgInputError([`targetTime: ${parsed.problem}`]);
      const { time } = parsed;
      // The only remote call, a read; dry runs make it too, as the window is the point.
      const overview = await readBackupsOverview(
        deps,
        await ctx.getInitiatorCredentials(),
        input.entityRef,
        ctx.signal,
      );
      const source = findRecoverySource(overview, input);
      assertTargetInWindow(time, source.window, source.name);
      const name = recoveryName(source, time, input.name);
      const dir = input.targetPath ?? defaultTargetPath(input);
      // Before anything below it is read: a link out of the workspace is not followed.
      await assertTargetInsideWorkspace(ctx.workspacePath, dir, name);
      const copied = await recoverySpec(
        ctx.workspacePath,
        dir,
        source,
        input.storageSize,
      );
      const targetTime = rfc3339Utc(time);
      const window = windowText(source.window);
      const doc = recoveryClusterDocument({
        source,
        name,
        targetTime,
        window,
        copied,
      });
      assertValidCluster(doc, name);
      // Local writes only; in a dry run the workspace is a scratch copy.
      const written = await writeRecoveryManifest(
        ctx.workspacePath,
        dir,
        name,
        doc.toString({ lineWidth: 0 }),
      );
      ctx.logger.info(
        `Wrote ${written.path}: ${name} recovers ${source.name} to ${targetTime}, inside its window ${window.from} to ${window.to}`,
      );
      if (!written.kustomization)
        ctx.logger.warn(
          `${dir} has no kustomization.yaml to list ${name}.yaml in: list it where Flux applies it`,
        );
      ctx.output('path', written.path);
      ctx.output('name', name);
      ctx.output('window', window);
      ctx.output('targetTime', targetTime);
    },
  });
}
