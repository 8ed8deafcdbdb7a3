/** One line of an edit script: kept (' '), removed ('-') or added ('+'). */
export type LineEdit = { op: ' ' | '-' | '+'; line: string };

// Past this many trace entries the script is "remove all, add all": correct, if not minimal.
const MAX_TRACE = 4_000_000;

/** Myers' O(ND) shortest edit script between two line arrays that share no prefix or suffix. */
function myers(a: string[], b: string[]): LineEdit[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  const down = (w: Int32Array, k: number, d: number) =>
    k === -d || (k !== d && w[offset + k - 1] < w[offset + k + 1]);
  for (let d = 0; d <= max; d++) {
    if ((d + 1) * v.length > MAX_TRACE) return undefined;
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = down(v, k, d) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        const edits: LineEdit[] = [];
        for (let step = d; step >= 0; step--) {
          const w = trace[step];
          const kk = x - y;
          const prevK = down(w, kk, step) ? kk + 1 : kk - 1;
          const prevX = w[offset + prevK];
          const prevY = prevX - prevK;
          for (; x > prevX && y > prevY; x--, y--)
            edits.push({ op: ' ', line: a[x - 1] });
          if (step > 0) {
            if (x === prevX) edits.push({ op: '+', line: b[--y] });
            else edits.push({ op: '-', line: a[--x] });
          }
        }
        return edits.reverse();
      }
    }
  }
  return undefined;
}

/** Puts removals before additions within each changed run, as git prints them. */
function removalsFirst(edits: LineEdit[]): LineEdit[] {
  const out: LineEdit[] = [];
  for (let i = 0; i < edits.length; ) {
    if (edits[i].op === ' ') {
      out.push(edits[i++]);
      continue;
    }
    const run: LineEdit[] = [];
    while (i < edits.length && edits[i].op !== ' ') run.push(edits[i++]);
    out.push(
      ...run.filter(e => e.op === '-'),
      ...run.filter(e => e.op === '+'),
    );
  }
  return out;
}

/** A shortest edit script from `a` to `b` (lines compared exactly). */
export function diffLines(a: string[], b: string[]): LineEdit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle = myers(midA, midB) ?? [
    ...midA.map(line => ({ op: '-' as const, line })),
    ...midB.map(line => ({ op: '+' as const, line })),
  ];
  return [
    ...a.slice(0, start).map(line => ({ op: ' ' as const, line })),
    ...removalsFirst(middle),
    ...a.slice(endA).map(line => ({ op: ' ' as const, line })),
  ];
}
