import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readTreeFiles, TreeFiles } from './readTreeFiles';
import { unifiedDiff } from './unifiedDiff';

const tree = (files: Record<string, string>): TreeFiles =>
  new Map(Object.entries(files).map(([p, c]) => [p, Buffer.from(c)]));

const asText = (files: TreeFiles) =>
  Object.fromEntries([...files].map(([p, c]) => [p, c.toString()]));

/** Applies a diff to a tree with `git apply`, the way a reviewer's git would. */
async function gitApply(before: TreeFiles, diff: string): Promise<TreeFiles> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'unified-diff-'));
  try {
    for (const [path, content] of before) {
      await fs.mkdir(dirname(join(dir, path)), { recursive: true });
      await fs.writeFile(join(dir, path), content);
    }
    const result = spawnSync('git', ['apply', '--whitespace=nowarn', '-'], {
      cwd: dir,
      input: diff,
      env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
    });
    if (result.status !== 0)
      throw new Error(`git apply: ${result.stderr}\n${diff}`);
    return await readTreeFiles(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A small deterministic random generator (mulberry32), so failures repeat. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('unifiedDiff', () => {
  const lines = (n: number, prefix = 'line') =>
    Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');

  it('prints a change as git diff does, with three lines of context', () => {
    const before = tree({ 'a.yaml': lines(10) });
    const after = tree({ 'a.yaml': lines(10).replace('line 5\n', 'five\n') });
    expect(unifiedDiff(before, after)).toEqual({
      files: [{ path: 'a.yaml', change: 'modified' }],
      diff: [
        'diff --git a/a.yaml b/a.yaml',
        '--- a/a.yaml',
        '+++ b/a.yaml',
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+five',
        ' line 6',
        ' line 7',
        ' line 8',
        '',
      ].join('\n'),
    });
  });

  it('names new and deleted files, and a missing final newline', () => {
    const { diff, files } = unifiedDiff(
      tree({ 'old.yaml': 'a\n', 'same.yaml': 'x\n', 'eol.yaml': 'a\n' }),
      tree({ 'new.yaml': 'b\nc', 'same.yaml': 'x\n', 'eol.yaml': 'a' }),
    );
    expect(files).toEqual([
      { path: 'eol.yaml', change: 'modified' },
      { path: 'new.yaml', change: 'added' },
      { path: 'old.yaml', change: 'deleted' },
    ]);
    expect(diff).toBe(
      [
        'diff --git a/eol.yaml b/eol.yaml',
        '--- a/eol.yaml',
        '+++ b/eol.yaml',
        '@@ -1 +1 @@',
        '-a',
        '+a',
        '\\ No newline at end of file',
        'diff --git a/new.yaml b/new.yaml',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/new.yaml',
        '@@ -0,0 +1,2 @@',
        '+b',
        '+c',
        '\\ No newline at end of file',
        'diff --git a/old.yaml b/old.yaml',
        'deleted file mode 100644',
        '--- a/old.yaml',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-a',
        '',
      ].join('\n'),
    );
  });

  it('is empty for equal trees', () => {
    expect(unifiedDiff(tree({ a: 'x\n' }), tree({ a: 'x\n' }))).toEqual({
      diff: '',
      files: [],
    });
  });

  it('names a binary file without printing it', () => {
    const { diff } = unifiedDiff(
      new Map(),
      new Map([['blob.bin', Buffer.from([0, 1, 2])]]),
    );
    expect(diff).toContain('Binary files /dev/null and b/blob.bin differ\n');
  });

  it.each([
    [
      'two distant changes (two hunks)',
      lines(30),
      lines(30).replace('line 3\n', 'x\n').replace('line 27\n', 'y\n'),
    ],
    [
      'two close changes (one hunk)',
      lines(30),
      lines(30).replace('line 10\n', 'x\n').replace('line 16\n', 'y\n'),
    ],
    [
      'lines added at the start and the end',
      lines(5),
      `top\n${lines(5)}bottom\n`,
    ],
    ['everything replaced', lines(8), lines(6, 'other')],
    ['an empty file emptied and filled', '', lines(3)],
    [
      'a YAML list extended',
      'resources:\n  - a\n  - b\n',
      'resources:\n  - a\n  - b\n  - c\n',
    ],
  ])('applies with git apply: %s', async (_what, a, b) => {
    const before = tree({ 'f.yaml': a });
    const after = tree({ 'f.yaml': b });
    const { diff } = unifiedDiff(before, after);
    expect(asText(await gitApply(before, diff))).toEqual(asText(after));
  });

  it('applies with git apply for 40 random edits of random files', async () => {
    const next = random(20261130);
    const pick = (n: number) => Math.floor(next() * n);
    for (let run = 0; run < 40; run++) {
      const words = ['a', 'b', 'c', 'd', '- x', '  y: 1'];
      const file = Array.from(
        { length: pick(25) },
        () => `${words[pick(words.length)]}\n`,
      );
      const edited = [...file];
      for (let e = pick(6); e >= 0; e--) {
        const at = pick(edited.length + 1);
        if (next() < 0.5) edited.splice(at, 1);
        else edited.splice(at, 0, `${words[pick(words.length)]}\n`);
      }
      const before = tree({ 'r.yaml': file.join(''), 'gone.yaml': 'z\n' });
      const after = tree({
        'r.yaml': edited.join('') + (next() < 0.2 ? 'tail' : ''),
        'new/n.yaml': 'n\n',
      });
      const { diff } = unifiedDiff(before, after);
      expect({ run, result: asText(await gitApply(before, diff)) }).toEqual({
        run,
        result: asText(after),
      });
    }
  });
});
