import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { OVERLAY, useDemoRepository } from './__testUtils__/demoRepository';
import {
  gitopsActionContext,
  logged,
  outputs,
} from './__testUtils__/gitopsActionContext';
import { createGitopsDiffAction } from './createGitopsDiffAction';

describe('backups:gitops:diff', () => {
  const demo = useDemoRepository();
  beforeEach(() => demo.checkout());

  async function diff(input: Record<string, unknown> = {}) {
    const ctx = gitopsActionContext(demo.workspace.path, input);
    await createGitopsDiffAction().handler(ctx as any);
    return ctx;
  }

  it('logs and outputs what changed since the checkout', async () => {
    const workspace = demo.workspace.path;
    await fs.appendFile(
      join(workspace, OVERLAY),
      '  - ../../base/backup-system\n',
    );
    await fs.writeFile(join(workspace, 'new.yaml'), 'kind: New\n');
    await fs.rm(join(workspace, 'README.md'));

    const ctx = await diff();
    const out = outputs(ctx);
    expect(out.changed).toBe(true);
    expect(out.files).toEqual([
      { path: 'README.md', change: 'deleted' },
      { path: OVERLAY, change: 'modified' },
      { path: 'new.yaml', change: 'added' },
    ]);
    expect(out.diff).toContain(
      `--- a/${OVERLAY}\n+++ b/${OVERLAY}\n@@ -3,3 +3,4 @@\n kind: Kustomization\n resources:\n   - ../../base/business-system\n+  - ../../base/backup-system\n`,
    );
    expect(out.markdown).toBe(`\`\`\`diff\n${out.diff}\`\`\`\n`);
    expect(logged(ctx)).toContain('3 file(s) changed against main');
    expect(logged(ctx)).toContain(out.diff);
  });

  it('says when nothing changed', async () => {
    const ctx = await diff();
    expect(outputs(ctx)).toMatchObject({ changed: false, diff: '', files: [] });
    expect(logged(ctx)).toMatch(
      /^No change against main \([0-9a-f]{12}\) of http/,
    );
  });

  it('reads the checkout in a folder of the workspace', async () => {
    await expect(diff({ path: 'elsewhere' })).rejects.toThrow(
      /elsewhere holds no checkout of a GitOps repository: run backups:gitops:checkout first/,
    );
    await expect(diff({ path: '../x' })).rejects.toThrow(
      /path "\.\.\/x" has a '\.\.' segment/,
    );
  });
});
