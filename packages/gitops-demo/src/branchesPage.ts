import { Branch } from './listBranches';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ESCAPES[c]);
}

function diffLines(diff: string): string {
  return diff
    .replace(/\n$/, '')
    .split('\n')
    .map(line => {
      const kind = /^(?:\+\+\+|---|diff |index |new file|deleted file)/.test(
        line,
      )
        ? 'meta'
        : { '+': 'add', '-': 'del', '@': 'hunk' }[line[0]] ?? '';
      return `<span class="${kind}">${escapeHtml(line)}</span>`;
    })
    .join('\n');
}

function branchSection(branch: Branch): string {
  const link = `?branch=${encodeURIComponent(branch.name)}`;
  const commits = branch.commits
    .map(
      c =>
        `<li><code>${escapeHtml(c.commit.slice(0, 12))}</code> ${escapeHtml(
          c.subject,
        )} <small>${escapeHtml(c.author)}, ${escapeHtml(c.date)}</small>${
          c.body ? `<pre class="body">${escapeHtml(c.body)}</pre>` : ''
        }</li>`,
    )
    .join('');
  return `<section id="${escapeHtml(encodeURIComponent(branch.name))}">
<h2><a href="${escapeHtml(link)}">${escapeHtml(branch.name)}</a></h2>
<p>Proposes ${branch.commits.length} commit(s) onto <code>main</code>:</p>
<ul>${commits}</ul>
<pre class="diff">${diffLines(branch.diff)}</pre>
</section>`;
}

/** The page at `/`: the branches, and for each proposal its commits and diff. */
export function branchesPage(options: {
  repoUrl: string;
  branches: Branch[];
  /** Only this branch's proposal, for `/?branch=<name>`. */
  only?: string;
}): string {
  const { repoUrl, branches, only } = options;
  const main = branches.find(b => b.name === 'main');
  const proposals = branches.filter(
    b => b.name !== 'main' && (!only || b.name === only),
  );
  const list = branches
    .map(
      b =>
        `<li><a href="?branch=${escapeHtml(
          encodeURIComponent(b.name),
        )}">${escapeHtml(b.name)}</a> <code>${escapeHtml(
          b.commit.slice(0, 12),
        )}</code></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>odoo-gitops: proposed changes</title>
<style>
body { font-family: sans-serif; margin: 2rem; max-width: 72rem; }
pre { background: #f6f8fa; padding: 1rem; overflow-x: auto; }
.add { color: #116329; } .del { color: #82071e; } .hunk { color: #6639ba; } .meta { font-weight: bold; }
</style>
</head>
<body>
<h1>odoo-gitops</h1>
<p>The demo's GitOps repository. Clone it with <code>git clone ${escapeHtml(
    repoUrl,
  )}</code>. <code>main</code> is at <code>${escapeHtml(
    main?.commit.slice(0, 12) ?? 'nothing yet',
  )}</code>.</p>
<h2>Branches</h2>
<ul>${list}</ul>
${
  proposals.length
    ? proposals.map(branchSection).join('\n')
    : '<p>No branch proposes a change yet. Run a template, such as "Add Velero backup", and reload.</p>'
}
</body>
</html>
`;
}
