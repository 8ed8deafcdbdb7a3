import { diffMarkdown } from './diffMarkdown';

describe('diffMarkdown', () => {
  it('fences the diff', () => {
    expect(diffMarkdown('+a\n')).toBe('```diff\n+a\n```\n');
    expect(diffMarkdown('')).toBe('_No change._');
  });

  it('uses a fence longer than any backtick run inside', () => {
    expect(diffMarkdown('+```yaml\n+````\n')).toBe(
      '`````diff\n+```yaml\n+````\n`````\n',
    );
  });

  it('cuts a long diff at a line end and says so', () => {
    const diff = '+0123456789\n'.repeat(10);
    expect(diffMarkdown(diff, 30)).toBe(
      '```diff\n+0123456789\n+0123456789\n```\n\n_The diff is cut here: 24 of 120 characters are shown._\n',
    );
  });
});
