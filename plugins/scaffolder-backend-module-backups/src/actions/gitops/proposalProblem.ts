import { CheckoutRecord } from './checkoutRecord';

/**
 * Why the workspace's change cannot be proposed as asked, if it cannot: it
 * came from another repository or branch, the proposal branch is the base, or
 * nothing changed.
 */
export function proposalProblem(options: {
  record: CheckoutRecord;
  repoUrl: string;
  base: string;
  branch: string;
  diff: string;
}): string | undefined {
  const { record, repoUrl, base, branch } = options;
  if (record.repoUrl !== repoUrl || record.branch !== base)
    return `The workspace holds ${record.branch} of ${record.repoUrl}: a proposal onto ${base} of ${repoUrl} would not carry the change shown`;
  if (branch === base)
    return `branchName ${branch} is the base branch: a proposal never pushes to it`;
  if (!options.diff)
    return `Nothing to propose: the workspace equals ${base} at ${record.commit.slice(
      0,
      12,
    )}`;
  return undefined;
}
