import { diffLines, LineEdit } from './diffLines';

/** Applies an edit script to `a`; it must give `b`. */
function replay(a: string[], edits: LineEdit[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const { op, line } of edits) {
    if (op === '+') out.push(line);
    else {
      expect(a[at++]).toBe(line);
      if (op === ' ') out.push(line);
    }
  }
  expect(at).toBe(a.length);
  return out;
}

/** The length of a longest common subsequence, by dynamic programming. */
function lcs(a: string[], b: string[]): number {
  const row = new Array(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[b.length];
}

describe('diffLines', () => {
  it('finds a shortest edit script', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 200; run++) {
      const make = () =>
        Array.from(
          { length: Math.floor(next() * 20) },
          () => 'abc'[Math.floor(next() * 3)],
        );
      const a = make();
      const b = make();
      const edits = diffLines(a, b);
      expect(replay(a, edits)).toEqual(b);
      const changes = edits.filter(e => e.op !== ' ').length;
      expect({ run, changes }).toEqual({
        run,
        changes: a.length + b.length - 2 * lcs(a, b),
      });
    }
  });

  it('puts removals before additions in a changed run', () => {
    expect(
      diffLines(['a', 'x', 'b'], ['a', 'y', 'b'])
        .map(e => e.op)
        .join(''),
    ).toBe(' -+ ');
  });

  it('falls back to remove-all, add-all for files too different to search', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const edits = diffLines(a, b);
    expect(replay(a, edits)).toEqual(b);
    expect(edits.map(e => e.op).join('')).toBe(
      '-'.repeat(3000) + '+'.repeat(3000),
    );
  });
});
