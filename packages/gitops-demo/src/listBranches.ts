import { MAIN } from './seedRepository';
import { runGit } from './runGit';

/** A commit of a proposal branch, as the page and `/api/branches` show it. */
export type BranchCommit = {
  commit: string;
  author: string;
  date: string;
  subject: string;
  body: string;
};

/** A branch of the demo repository; for a branch other than main, what it proposes. */
export type Branch = {
  name: string;
  commit: string;
  /** Commits on the branch that main does not have, newest first (at most 50). */
  commits: BranchCommit[];
  /** `git diff main...<branch>`: the change the branch proposes. Empty for main. */
  diff: string;
};

const MAX_COMMITS = 50;

async function commitsOf(bare: string, ref: string): Promise<BranchCommit[]> {
  const out = await runGit(bare, [
    'log',
    '-z',
    `--max-count=${MAX_COMMITS}`,
    '--format=%H%x1f%an%x1f%aI%x1f%s%x1f%b',
    `refs/heads/${MAIN}..${ref}`,
  ]);
  return out
    .split('\0')
    .filter(Boolean)
    .map(record => {
      const [commit, author, date, subject, body] = record.split('\x1f');
      return { commit, author, date, subject, body: body.trim() };
    });
}

/** Every branch, main first, with the commits and the diff each other branch proposes. */
export async function listBranches(bare: string): Promise<Branch[]> {
  const refs = await runGit(bare, [
    'for-each-ref',
    '--format=%(refname)%00%(objectname)',
    'refs/heads/',
  ]);
  const branches = refs
    .split('\n')
    .filter(Boolean)
    .map(line => {
      const [ref, commit] = line.split('\0');
      return { ref, name: ref.slice('refs/heads/'.length), commit };
    })
    .sort((a, b) => Number(b.name === MAIN) - Number(a.name === MAIN));
  return Promise.all(
    branches.map(async ({ ref, name, commit }) => {
      if (name === MAIN) return { name, commit, commits: [], diff: '' };
      // Full ref names: a branch name is never read as an option.
      const [commits, diff] = await Promise.all([
        commitsOf(bare, ref),
        runGit(bare, [
          'diff',
          '--no-color',
          '--no-ext-diff',
          `refs/heads/${MAIN}...${ref}`,
        ]),
      ]);
      return { name, commit, commits, diff };
    }),
  );
}
