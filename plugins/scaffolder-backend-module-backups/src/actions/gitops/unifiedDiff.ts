import { diffLines, LineEdit } from './diffLines';
import { TreeFiles } from './readTreeFiles';

/** How a file changed between two trees. */
export type FileChange = {
  path: string;
  change: 'added' | 'modified' | 'deleted';
};

const CONTEXT = 3;

/** Lines with their newline kept, so a missing final newline is a difference too. */
function lines(content: Buffer | undefined): string[] {
  const text = content?.toString('utf8') ?? '';
  return text ? text.split(/(?<=\n)/) : [];
}

function isBinary(content: Buffer | undefined): boolean {
  return Boolean(content?.subarray(0, 8000).includes(0));
}

function range(start: number, length: number): string {
  const first = length === 0 ? start : start + 1;
  return length === 1 ? `${first}` : `${first},${length}`;
}

function printLine({ op, line }: LineEdit): string {
  return line.endsWith('\n')
    ? `${op}${line}`
    : `${op}${line}\n\\ No newline at end of file\n`;
}

/** The hunks of an edit script, with three lines of context, as `diff -u` prints them. */
function hunks(edits: LineEdit[]): string {
  const changed = edits.flatMap((e, i) => (e.op === ' ' ? [] : [i]));
  let out = '';
  for (let g = 0; g < changed.length; ) {
    let last = g;
    while (
      last + 1 < changed.length &&
      changed[last + 1] - changed[last] <= 2 * CONTEXT + 1
    )
      last++;
    const from = Math.max(0, changed[g] - CONTEXT);
    const to = Math.min(edits.length, changed[last] + CONTEXT + 1);
    const before = edits.slice(0, from);
    const body = edits.slice(from, to);
    const count = (list: LineEdit[], op: '-' | '+') =>
      list.filter(e => e.op === ' ' || e.op === op).length;
    out += `@@ -${range(count(before, '-'), count(body, '-'))} +${range(
      count(before, '+'),
      count(body, '+'),
    )} @@\n${body.map(printLine).join('')}`;
    g = last + 1;
  }
  return out;
}

/**
 * The unified diff from one tree to another, file by file in path order, as
 * `git diff` prints it (`diff --git` headers, new and deleted files, binary
 * files named only), so `git apply` takes it.
 */
export function unifiedDiff(
  before: TreeFiles,
  after: TreeFiles,
): { diff: string; files: FileChange[] } {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const files: FileChange[] = [];
  let diff = '';
  for (const path of paths) {
    const a = before.get(path);
    const b = after.get(path);
    if (a && b && a.equals(b)) continue;
    let change: FileChange['change'] = 'modified';
    if (!a) change = 'added';
    else if (!b) change = 'deleted';
    files.push({ path, change });
    diff += `diff --git a/${path} b/${path}\n`;
    if (change === 'added') diff += 'new file mode 100644\n';
    if (change === 'deleted') diff += 'deleted file mode 100644\n';
    const from = a ? `a/${path}` : '/dev/null';
    const to = b ? `b/${path}` : '/dev/null';
    if (isBinary(a) || isBinary(b)) {
      diff += `Binary files ${from} and ${to} differ\n`;
      continue;
    }
    const edits = diffLines(lines(a), lines(b));
    if (edits.some(e => e.op !== ' '))
      diff += `--- ${from}\n+++ ${to}\n${hunks(edits)}`;
  }
  return { diff, files };
}
