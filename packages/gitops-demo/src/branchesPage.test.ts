import { branchesPage, escapeHtml } from './branchesPage';

describe('branchesPage', () => {
  it('escapes what a branch, a commit or a diff holds', () => {
    const html = branchesPage({
      repoUrl: 'http://127.0.0.1:8002/odoo-gitops.git',
      branches: [
        { name: 'main', commit: 'a'.repeat(40), commits: [], diff: '' },
        {
          name: 'x"><script>',
          commit: 'b'.repeat(40),
          commits: [
            {
              commit: 'b'.repeat(40),
              author: '<me>',
              date: '2026-01-05T09:00:00Z',
              subject: "it's <b>",
              body: '</pre><img src=x>',
            },
          ],
          diff: '+<script>alert(1)</script>\n',
        },
      ],
    });
    expect(html).not.toMatch(/<script>|<img|<b>|<me>/);
    expect(html).toContain('<span class="add">+&lt;script&gt;');
    expect(html).toContain('href="?branch=x%22%3E%3Cscript%3E"');
  });

  it('says when nothing is proposed yet', () => {
    const html = branchesPage({
      repoUrl: 'http://127.0.0.1:8002/odoo-gitops.git',
      branches: [
        { name: 'main', commit: 'a'.repeat(40), commits: [], diff: '' },
      ],
    });
    expect(html).toContain('No branch proposes a change yet');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
