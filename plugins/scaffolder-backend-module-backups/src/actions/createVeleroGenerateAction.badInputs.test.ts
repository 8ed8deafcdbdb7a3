import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { createVeleroGenerateAction } from './createVeleroGenerateAction';

type BadInput = {
  why: string;
  field: string;
  input: Record<string, unknown>;
  symlink?: string;
};

const corpus: BadInput[] = parse(
  readFileSync(
    resolve(__dirname, '../__fixtures__/bad-inputs/bad-inputs.yaml'),
    'utf8',
  ),
);

/** `{ repeat, times }` values of the corpus, written out. */
function expand(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => {
      if (typeof value !== 'object' || value === null || !('repeat' in value))
        return [key, value];
      const { repeat, times } = value as { repeat: string; times: number };
      return [key, repeat.repeat(times)];
    }),
  );
}

/** Every entry below a directory, with a hash of each file and the target of each link. */
async function fingerprint(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const key = full.slice(root.length + 1);
      if (entry.isSymbolicLink()) out[key] = `-> ${await fs.readlink(full)}`;
      else if (entry.isDirectory()) {
        out[key] = 'dir';
        await walk(full);
      } else
        out[key] = createHash('sha256')
          .update(await fs.readFile(full))
          .digest('hex');
    }
  }
  await walk(root);
  return out;
}

const valid = { appName: 'odoo', namespace: 'business-system' };
const APP = 'kubernetes/apps/base/business-system/odoo/app';

describe('backups:velero:generate refuses the bad-input corpus', () => {
  const workspace = createMockDirectory();
  const outside = createMockDirectory();
  const action = createVeleroGenerateAction();

  beforeEach(() => {
    workspace.setContent({
      'kubernetes/apps/overlays/cluster-00/kustomization.yaml':
        'resources:\n  - ../../base/business-system\n',
      [`${APP}/kustomization.yaml`]: 'resources:\n  - pvc.yaml\n',
      [`${APP}/pvc.yaml`]:
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: odoo\n',
    });
    outside.setContent({ 'kustomization.yaml': 'resources: []\n' });
  });

  async function run(input: Record<string, unknown>) {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
  }

  it('holds at least 30 cases, each naming a field', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const c of corpus) expect(c.field).toEqual(expect.any(String));
  });

  it('accepts the valid input the cases are laid over, in the same workspace', async () => {
    await run(valid);
    expect(
      Object.keys(await fingerprint(workspace.path)).filter(p =>
        p.endsWith('odoo-backup.yaml'),
      ),
    ).toHaveLength(1);
  });

  it.each(corpus.map(c => [c.why, c] as const))('%s', async (_why, c) => {
    if (c.symlink) {
      await fs.mkdir(resolve(workspace.path, c.symlink, '..'), {
        recursive: true,
      });
      symlinkSync(outside.path, resolve(workspace.path, c.symlink));
    }
    const before = await fingerprint(workspace.path);
    const outsideBefore = await fingerprint(outside.path);

    const error = await run({ ...valid, ...expand(c.input) }).catch(e => e);

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`[\\s']${c.field}[:']`));
    expect(await fingerprint(workspace.path)).toEqual(before);
    expect(await fingerprint(outside.path)).toEqual(outsideBefore);
  });
});
