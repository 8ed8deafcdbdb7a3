import type { z as zod } from 'zod/v3';
import { bucketProblem } from './optionProblems';
import { resource, Rule, STRINGS, subdomain } from './optionRules';

/** A value in an error message: quoted, escaped, and cut when long. */
function shown(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/**
 * The options of `backups:velero:generate`, built on the zod the scaffolder
 * hands to schema callbacks (zod/v3). `options` is what the generator uses,
 * after config defaults; `input` is the action's input, where every option but
 * `appName` and `namespace` may be left out. Each issue names its field; the
 * template's form `pattern`s are the sources of the regular expressions here.
 */
export function veleroSchemas(z: typeof zod) {
  const string = (field: string, { max, pattern, what, problem }: Rule) => {
    let schema = z
      .string()
      .min(1, `${field}: must not be empty`)
      .max(max, `${field}: must be at most ${max} characters`);
    if (pattern) schema = schema.regex(pattern, `${field}: must be ${what}`);
    return schema.superRefine((value, ctx) => {
      const reason = problem?.(value);
      if (reason)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${field}: ${shown(value)}: ${reason}`,
        });
    });
  };
  const strings = Object.fromEntries(
    Object.entries(STRINGS).map(([field, [rule, description]]) => [
      field,
      string(field, rule).describe(description),
    ]),
  ) as { [K in keyof typeof STRINGS]: ReturnType<typeof string> };

  const fields = {
    ...strings,
    cnpgCluster: strings.cnpgCluster.optional(),
    targetBranchName: strings.targetBranchName.optional(),
    includedResources: z
      .array(string('includedResources', resource))
      .min(1, 'includedResources: must not be empty')
      .max(64, 'includedResources: must list at most 64 resources')
      .describe("Resources to back up (default: the seed's list)"),
    fluxDependsOn: z
      .array(string('fluxDependsOn', subdomain))
      .max(32, 'fluxDependsOn: must list at most 32 names')
      .describe('Flux Kustomizations Velero waits for'),
  };

  const options = z
    .object(fields)
    .strict()
    .superRefine((o, ctx) => {
      const reason = bucketProblem(o.bucket, o.provider);
      if (reason)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['bucket'],
          message: `bucket: ${shown(o.bucket)}: ${reason}`,
        });
    });
  const input = z
    .object(fields)
    // Set in config only.
    .omit({
      chartUrl: true,
      fluxSourceKind: true,
      fluxDependsOn: true,
      hookVolumes: true,
    })
    .partial()
    .required({ appName: true, namespace: true })
    .extend({
      overwrite: z
        .boolean()
        .describe('Replace generated files that exist with different content')
        .optional(),
      lintOnly: z
        .boolean()
        .describe('Only lint the existing GitOps tree; write nothing')
        .optional(),
    })
    .strict();
  return { input, options };
}

export type VeleroSchemas = ReturnType<typeof veleroSchemas>;

/** Everything the generator needs, after defaults from config and the seed are applied. */
export type VeleroBackupOptions = zod.infer<VeleroSchemas['options']>;

/** The action's input: the options as given, and the run's flags. */
export type VeleroGenerateInput = zod.infer<VeleroSchemas['input']>;
