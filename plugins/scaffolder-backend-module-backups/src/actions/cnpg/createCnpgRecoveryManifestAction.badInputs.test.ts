import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { cnpgActionHarness } from './__testUtils__/cnpgActionHarness';

type BadInput = {
  why: string;
  field: string;
  input: Record<string, unknown>;
  symlink?: string;
};

const corpus: BadInput[] = parse(
  readFileSync(
    resolve(__dirname, '../../__fixtures__/bad-inputs/cnpg-recovery.yaml'),
    'utf8',
  ),
);

/** The corpus's `{ repeat, times }` values, written out. */
function expand(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => {
      if (typeof value !== 'object' || value === null) return [key, value];
      const { repeat, times } = value as { repeat: string; times: number };
      return [key, repeat.repeat(times)];
    }),
  );
}

/** Every entry below a directory: a file's text, a link's target, or 'dir'; links are not followed. */
function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root, { recursive: true, encoding: 'utf8' }).map(path => {
      const full = resolve(root, path);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) return [path, `-> ${readlinkSync(full)}`];
      return [path, stat.isDirectory() ? 'dir' : readFileSync(full, 'utf8')];
    }),
  );
}

const valid = {
  entityRef: 'component:default/odoo',
  namespace: 'business-system',
  cluster: 'odoo-pg',
  targetTime: '2026-11-30T10:15:00Z',
};

describe('backups:cnpg:recovery-manifest refuses the bad-input corpus', () => {
  const { workspace, run } = cnpgActionHarness();
  const outside = createMockDirectory();

  beforeEach(() =>
    outside.setContent({ 'kustomization.yaml': 'resources: []\n' }),
  );

  it('holds at least 12 cases, each naming a field', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(12);
    for (const c of corpus) expect(c.field).toEqual(expect.any(String));
  });

  it('accepts the valid input the cases are laid over', async () => {
    await expect(run(valid)).resolves.toMatchObject({
      name: 'odoo-pg-pitr-202611301015',
    });
  });

  it.each(corpus.map(c => [c.why, c] as const))('%s', async (_why, c) => {
    if (c.symlink) {
      mkdirSync(dirname(workspace.resolve(c.symlink)), { recursive: true });
      symlinkSync(outside.path, workspace.resolve(c.symlink));
    }
    const before = snapshot(workspace.path);
    const outsideBefore = snapshot(outside.path);

    const error = await run({ ...valid, ...expand(c.input) }).catch(e => e);

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`\\s${c.field}:`));
    expect(snapshot(workspace.path)).toEqual(before);
    expect(snapshot(outside.path)).toEqual(outsideBefore);
  });
});
