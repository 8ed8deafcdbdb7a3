import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';
import { repoPathProblem } from '../../options/optionProblems';
import { STRINGS } from '../../options/optionRules';

/** A git branch name, by the rule the Velero action checks its branches with. */
const GIT_REF = STRINGS.branchName[0].pattern!;

/** The shape a form can check: http(s), a host without credentials, a path. */
export const REPO_URL = /^https?:\/\/[^\s/?#@]+\/\S*$/;

/** Why a repository URL is not one to clone or push to, if it is not. */
export function repoUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (!['http:', 'https:'].includes(url.protocol))
    return 'must be an http:// or https:// URL (git smart HTTP)';
  // The message never repeats the URL: it may hold a token.
  if (url.username || url.password)
    return 'must not hold credentials; tokens come from the integrations config';
  if (url.search || url.hash) return 'must have no query or fragment';
  return undefined;
}

/** The zod schemas of the GitOps actions' inputs, on the zod the scaffolder hands over. */
export function gitopsInputs(z: typeof zod) {
  const check =
    (field: string, problem: (v: string) => string | undefined) =>
    (value: string, ctx: zod.RefinementCtx) => {
      const reason = problem(value);
      if (reason)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${field} ${reason}`,
        });
    };
  const branch = (field: string, description: string) =>
    z
      .string()
      .min(1, `${field} must not be empty`)
      .max(255, `${field} must be at most 255 characters`)
      .regex(
        GIT_REF,
        `${field} must be a git branch name (git check-ref-format rules)`,
      )
      .describe(description);
  return {
    repoUrl: z
      .string()
      .max(2048, 'repoUrl must be at most 2048 characters')
      .regex(REPO_URL, 'repoUrl must be an http(s) URL without credentials')
      .superRefine(check('repoUrl', repoUrlProblem))
      .describe(
        'Clone URL of the existing GitOps repository, e.g. http://127.0.0.1:8002/odoo-gitops.git or https://github.com/owner/repo.git',
      ),
    branch,
    path: (field: string, description: string) =>
      z
        .string()
        .min(1, `${field} must not be empty`)
        .max(1024, `${field} must be at most 1024 characters`)
        .superRefine(
          check(field, value => {
            const reason = repoPathProblem(value);
            return reason && `${JSON.stringify(value)} ${reason}`;
          }),
        )
        .describe(description),
  };
}

/** Parses an action's input with its schema; one InputError names every problem. */
export function parseGitopsInput<S extends zod.ZodTypeAny>(
  action: string,
  schema: S,
  input: unknown,
): zod.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(issue => {
    const field = issue.path.join('.');
    return !field || issue.message.startsWith(field)
      ? issue.message
      : `${field}: ${issue.message}`;
  });
  throw new InputError(
    `Invalid input for ${action}: ${[...new Set(problems)].join('; ')}`,
  );
}
