/** Past this, the markdown holds the start of the diff (GitHub takes 65 536 characters of body). */
export const MARKDOWN_DIFF_MAX = 50_000;

/**
 * The diff as a fenced `diff` block for a pull request body or the task's
 * output, with a fence longer than any backtick run inside, and cut at a line
 * end past `max` characters.
 */
export function diffMarkdown(diff: string, max = MARKDOWN_DIFF_MAX): string {
  if (!diff) return '_No change._';
  const cut =
    diff.length > max ? diff.slice(0, diff.lastIndexOf('\n', max) + 1) : diff;
  const longest = Math.max(0, ...(cut.match(/`+/g) ?? []).map(r => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const note =
    cut.length < diff.length
      ? `\n_The diff is cut here: ${cut.length} of ${diff.length} characters are shown._\n`
      : '';
  return `${fence}diff\n${cut}${fence}\n${note}`;
}
