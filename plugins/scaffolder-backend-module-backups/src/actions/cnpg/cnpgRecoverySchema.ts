import type { z as zod } from 'zod/v3';
import { repoPathProblem } from '../../options/optionProblems';
import { parseTargetTime } from './targetTime';

const LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
/** `kind:namespace/name`, with Backstage's rules for each part; the namespace may be left out. */
const ENTITY_REF =
  /^[A-Za-z][A-Za-z0-9]{0,62}:(?:[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const QUANTITY = /^[0-9]+(?:\.[0-9]+)?(?:Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** CNPG refuses longer Cluster names: pods, services and jobs add suffixes to it. */
export const MAX_CLUSTER_NAME = 50;

/**
 * The input of `backups:cnpg:recovery-manifest`, built on the zod the
 * scaffolder hands to schema callbacks. Every message starts with its field.
 */
export function cnpgRecoverySchema(z: typeof zod) {
  const text = (field: string, max: number) =>
    z
      .string()
      .min(1, `${field}: must not be empty`)
      .max(max, `${field}: must be at most ${max} characters`);
  const label = (field: string, max: number) =>
    text(field, max).regex(
      LABEL,
      `${field}: must be a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit)`,
    );
  const checked = (field: string, max: number, problem: (v: string) => any) =>
    text(field, max).superRefine((value, ctx) => {
      const reason = problem(value);
      if (reason)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${field}: ${JSON.stringify(value)} ${reason}`,
        });
    });

  return z
    .object({
      entityRef: text('entityRef', 255)
        .regex(
          ENTITY_REF,
          'entityRef: must be an entity reference such as component:default/odoo',
        )
        .describe(
          'The component or resource whose Backups overview lists the cluster, e.g. component:default/odoo',
        ),
      namespace: label('namespace', 63).describe(
        'Namespace of the source CNPG Cluster; the recovery Cluster goes there too',
      ),
      cluster: label('cluster', 63).describe('Name of the source CNPG Cluster'),
      targetTime: checked(
        'targetTime',
        64,
        v => parseTargetTime(v).problem,
      ).describe(
        'Point in time to recover to, RFC 3339 with a zone (2026-11-30T10:15:00Z); must lie in the live recoverability window',
      ),
      name: label('name', MAX_CLUSTER_NAME)
        .optional()
        .describe(
          'Name of the new Cluster (default <cluster>-pitr-<yyyymmddhhmm> of the target time in UTC); also its serverName in the object store',
        ),
      targetPath: checked('targetPath', 1024, repoPathProblem)
        .optional()
        .describe(
          "Directory of the GitOps repository for the manifest (default kubernetes/apps/base/<namespace>/<entity name>/app, next to the source Cluster's manifest)",
        ),
      storageSize: text('storageSize', 32)
        .regex(QUANTITY, 'storageSize: must be a quantity such as 20Gi')
        .optional()
        .describe(
          "Size of each instance's volume (default: the source Cluster's storage, read from its manifest in targetPath)",
        ),
    })
    .strict();
}

export type CnpgRecoveryInput = zod.infer<
  ReturnType<typeof cnpgRecoverySchema>
>;
