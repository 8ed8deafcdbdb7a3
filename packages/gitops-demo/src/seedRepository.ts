import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { runGit } from './runGit';

/** The repository's name in its URL: `<url>/odoo-gitops.git`. */
export const REPOSITORY = 'odoo-gitops.git';
/** The branch the seed commit is on, and every proposal's base. */
export const MAIN = 'main';
/** This package's folder, found the way resolvePackagePath finds one. */
export const PACKAGE_DIR = dirname(
  require.resolve('@internal/gitops-demo/package.json'),
);
/** Odoo's GitOps tree without Velero, committed in this package. */
export const TREE_DIR = join(PACKAGE_DIR, 'tree');

// A fixed date makes the seed commit the same on every run.
const SEED_DATE = '2026-01-05T09:00:00Z';

/**
 * Creates `<root>/odoo-gitops.git` afresh (removing an earlier one) as a bare
 * repository whose `main` holds one commit of the tree, and lets clients push
 * to it over smart HTTP.
 */
export async function seedRepository(root: string): Promise<string> {
  const bare = join(root, REPOSITORY);
  await fs.rm(bare, { recursive: true, force: true });
  await fs.mkdir(bare, { recursive: true });
  await runGit(bare, ['init', '--quiet', '--bare', `--initial-branch=${MAIN}`]);
  await runGit(bare, ['config', 'http.receivepack', 'true']);
  await runGit(bare, ['config', 'receive.denyDeletes', 'true']);
  await runGit(bare, ['config', 'receive.denyNonFastForwards', 'true']);
  // The package's tree is the work tree of this one commit; the index stays in the bare repository.
  const withTree = ['-C', TREE_DIR, '--git-dir', bare, '--work-tree', TREE_DIR];
  await runGit(bare, [...withTree, 'add', '--all']);
  await runGit(
    bare,
    [...withTree, 'commit', '--quiet', '-m', 'Odoo, before Velero'],
    {
      GIT_AUTHOR_DATE: SEED_DATE,
      GIT_COMMITTER_DATE: SEED_DATE,
    },
  );
  await fs.rm(join(bare, 'index'), { force: true });
  return bare;
}
