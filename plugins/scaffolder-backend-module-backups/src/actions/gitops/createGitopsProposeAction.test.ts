import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  demoBranches,
  demoConfig,
  OVERLAY,
  pushToMain,
  useDemoRepository,
} from './__testUtils__/demoRepository';
import {
  gitopsActionContext,
  logged,
  outputs,
} from './__testUtils__/gitopsActionContext';
import { createGitopsProposeAction } from './createGitopsProposeAction';

const BRANCH = 'backups/velero-odoo';

describe('backups:gitops:propose', () => {
  const demo = useDemoRepository({ serverPerTest: true });

  /** A task's steps: check out main, change the overlay, propose. */
  async function runTask(
    line = '  - ../../base/backup-system\n',
    input: Record<string, unknown> = {},
    options: { isDryRun?: boolean } = {},
  ) {
    await demo.workspace.clear();
    await demo.checkout();
    if (line) await fs.appendFile(join(demo.workspace.path, OVERLAY), line);
    const ctx = gitopsActionContext(
      demo.workspace.path,
      {
        repoUrl: demo.server.repoUrl,
        baseBranch: 'main',
        branchName: BRANCH,
        title: 'Add Velero backup for odoo',
        description: 'Adds the Velero directory.',
        ...input,
      },
      options,
    );
    await createGitopsProposeAction({
      config: demoConfig(demo.server),
    }).handler(ctx as any);
    return ctx;
  }

  it('pushes the change onto a new branch and points at its page', async () => {
    const ctx = await runTask();
    const out = outputs(ctx);
    const [, proposal] = await demoBranches(demo.server);
    expect(out).toEqual({
      branch: BRANCH,
      commit: proposal.commit,
      diff: expect.stringContaining('+  - ../../base/backup-system\n'),
      url: `${demo.server.url}/?branch=backups%2Fvelero-odoo`,
      pushed: true,
    });
    expect(proposal).toMatchObject({
      name: BRANCH,
      commits: [
        {
          subject: 'Add Velero backup for odoo',
          body: 'Adds the Velero directory.',
        },
      ],
    });
    // git's own diff of the branch is the diff the action showed (without index lines and hunk headings).
    expect(
      proposal.diff
        .replace(/^index .*\n/gm, '')
        .replace(/^(@@ [^@]+ @@).*$/gm, '$1'),
    ).toBe(out.diff);
    expect((await fetch(out.url)).status).toBe(200);
  });

  it('makes no second commit when the same task runs again', async () => {
    const first = outputs(await runTask());
    const again = await runTask();
    expect(outputs(again)).toMatchObject({
      commit: first.commit,
      pushed: false,
    });
    expect(logged(again)).toContain(`${BRANCH} already holds this change`);
    const [, proposal] = await demoBranches(demo.server);
    expect(proposal.commits).toHaveLength(1);
  });

  it('adds a commit when the branch holds another version of the change', async () => {
    const first = outputs(await runTask('  - ../../base/one\n'));
    const second = outputs(await runTask('  - ../../base/two\n'));
    expect(second.pushed).toBe(true);
    const [, proposal] = await demoBranches(demo.server);
    expect(proposal.commits.map(c => c.commit)).toEqual([
      second.commit,
      first.commit,
    ]);
    expect(proposal.diff).toContain('+  - ../../base/two\n');
    expect(proposal.diff).not.toContain('base/one');
  });

  it('pushes nothing in a dry run, and logs the diff', async () => {
    const ctx = await runTask(undefined, {}, { isDryRun: true });
    expect(outputs(ctx)).toMatchObject({ branch: BRANCH, pushed: false });
    expect(outputs(ctx).commit).toBeUndefined();
    expect(logged(ctx)).toContain(
      'Dry run: would push this change to backups/velero-odoo',
    );
    expect(logged(ctx)).toContain('+  - ../../base/backup-system');
    expect((await demoBranches(demo.server)).map(b => b.name)).toEqual([
      'main',
    ]);
  });

  it.each([
    [
      'the base branch',
      { branchName: 'main' },
      /branchName main is the base branch/,
    ],
    [
      'a base other than the checkout',
      { baseBranch: 'release' },
      /The workspace holds main of .*: a proposal onto release/,
    ],
    [
      'another repository',
      { repoUrl: 'REPO/../other.git' },
      /a proposal onto main of .*other\.git would not carry/,
    ],
    ['a title of two lines', { title: 'a\nb' }, /title must be one line/],
  ])('refuses %s', async (_what, input, message) => {
    const given = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [
        k,
        v.replace('REPO', demo.server.url),
      ]),
    );
    await expect(runTask(undefined, given)).rejects.toThrow(message);
    expect((await demoBranches(demo.server)).map(b => b.name)).toEqual([
      'main',
    ]);
  });

  it('refuses an empty change', async () => {
    await expect(runTask('')).rejects.toThrow(
      /Nothing to propose: the workspace equals main at [0-9a-f]{12}/,
    );
  });

  it('refuses to propose onto a base that moved since the checkout', async () => {
    await demo.checkout();
    await fs.appendFile(
      join(demo.workspace.path, OVERLAY),
      '  - ../../base/x\n',
    );
    await pushToMain(demo.server, { 'other.yaml': 'other\n' });
    const ctx = gitopsActionContext(demo.workspace.path, {
      repoUrl: demo.server.repoUrl,
      branchName: BRANCH,
      title: 'Add x',
    });
    await expect(
      createGitopsProposeAction({ config: demoConfig(demo.server) }).handler(
        ctx as any,
      ),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(/main moved from/),
    });
  });
});
