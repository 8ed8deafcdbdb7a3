import { InputError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { readTreeFiles, TreeFiles } from './readTreeFiles';

/** What `backups:gitops:checkout` checked out, for the diff and the proposal. */
export type CheckoutRecord = {
  repoUrl: string;
  branch: string;
  commit: string;
};

// Inside .git: no step adds it to a commit, and the dry run does not list it.
const RECORD_DIR = join('.git', 'backups-gitops');
const RECORD_FILE = join(RECORD_DIR, 'checkout.json');
const BASE_DIR = join(RECORD_DIR, 'base');

/** Keeps the checked-out files and where they came from beside the clone in `dir`. */
export async function writeCheckoutRecord(
  dir: string,
  record: CheckoutRecord,
): Promise<void> {
  const base = join(dir, BASE_DIR);
  await fs.mkdir(base, { recursive: true });
  for (const [path, content] of await readTreeFiles(dir)) {
    await fs.mkdir(join(base, path, '..'), { recursive: true });
    await fs.writeFile(join(base, path), content);
  }
  await fs.writeFile(join(dir, RECORD_FILE), JSON.stringify(record));
}

/** The record of the checkout in `dir` and the files it held then. */
export async function readCheckoutRecord(
  dir: string,
  path: string,
): Promise<{ record: CheckoutRecord; base: TreeFiles }> {
  let text: string;
  try {
    text = await fs.readFile(join(dir, RECORD_FILE), 'utf8');
  } catch {
    throw new InputError(
      `${path} holds no checkout of a GitOps repository: run backups:gitops:checkout first, with the same targetPath`,
    );
  }
  return {
    record: JSON.parse(text),
    base: await readTreeFiles(join(dir, BASE_DIR)),
  };
}
