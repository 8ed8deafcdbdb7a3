import { ConfigReader } from '@backstage/config';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  demoBranches,
  demoConfig,
  OVERLAY,
  useDemoRepository,
} from './__testUtils__/demoRepository';
import {
  gitopsActionContext,
  logged,
  outputs,
} from './__testUtils__/gitopsActionContext';
import { createGitopsCheckoutAction } from './createGitopsCheckoutAction';

describe('backups:gitops:checkout', () => {
  const demo = useDemoRepository();

  async function checkout(
    input: Record<string, unknown>,
    config = demoConfig(demo.server),
  ) {
    const ctx = gitopsActionContext(demo.workspace.path, input);
    await createGitopsCheckoutAction({ config }).handler(ctx as any);
    return ctx;
  }

  it("clones the demo repository's main into the workspace", async () => {
    const ctx = await checkout({
      repoUrl: demo.server.repoUrl,
      branch: 'main',
    });
    const [main] = await demoBranches(demo.server);
    expect(outputs(ctx)).toEqual({
      branch: 'main',
      commit: main.commit,
      forge: 'git',
    });
    expect(
      await fs.readFile(join(demo.workspace.path, OVERLAY), 'utf8'),
    ).toContain('../../base/business-system');
    expect(logged(ctx)).toContain(`Checked out main at ${main.commit}`);
  });

  it('takes the branch from config, else the default branch of the repository', async () => {
    const configured = new ConfigReader({
      backups: {
        scaffolder: {
          gitops: { repository: demo.server.repoUrl, branch: 'nope' },
        },
      },
    });
    await expect(
      checkout({ repoUrl: demo.server.repoUrl }, configured),
    ).rejects.toThrow(/has no branch "nope"; it has main/);
    await demo.workspace.clear();
    expect(
      outputs(await checkout({ repoUrl: demo.server.repoUrl })).branch,
    ).toBe('main');
  });

  it('clones into a folder of the workspace', async () => {
    await checkout({ repoUrl: demo.server.repoUrl, targetPath: 'gitops/odoo' });
    expect(
      await fs.readFile(
        join(demo.workspace.path, 'gitops/odoo', OVERLAY),
        'utf8',
      ),
    ).toBeTruthy();
  });

  it('tells a GitHub repository apart, with the token of its integration', async () => {
    const action = createGitopsCheckoutAction({
      config: new ConfigReader({
        integrations: {
          github: [{ host: 'github.com', token: 'secret-token' }],
        },
      }),
    });
    const ctx = gitopsActionContext(demo.workspace.path, {
      repoUrl: 'https://github.com/hayden/home-ops.git',
    });
    const fetchSpy = jest
      .spyOn(global, 'fetch')
      .mockRejectedValue(new Error('offline in tests'));
    try {
      await expect(action.handler(ctx as any)).rejects.toThrow(
        /cannot be reached: offline in tests/,
      );
      const [url, init] = fetchSpy.mock.calls[0] as [string, RequestInit];
      expect(url).toBe(
        'https://github.com/hayden/home-ops.git/info/refs?service=git-upload-pack',
      );
      expect((init.headers as Record<string, string>).authorization).toBe(
        `Basic ${Buffer.from('x-access-token:secret-token').toString(
          'base64',
        )}`,
      );
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it.each([
    [
      { repoUrl: 'http://me:hunter2@127.0.0.1:1/x.git' },
      /repoUrl must be an http\(s\) URL without credentials/,
    ],
    [{ repoUrl: 'ftp://127.0.0.1/x.git' }, /repoUrl must be an http\(s\) URL/],
    [
      { repoUrl: 'http://10.0.0.1/x.git' },
      /the host 10\.0\.0\.1 is neither under integrations/,
    ],
    [
      { repoUrl: 'REPO', branch: 'main..evil' },
      /branch must be a git branch name/,
    ],
    [{ repoUrl: 'REPO', branch: '-main' }, /branch must be a git branch name/],
    [
      { repoUrl: 'REPO', targetPath: '../outside' },
      /targetPath "\.\.\/outside" has a '\.\.' segment/,
    ],
    [{ repoUrl: 'REPO', targetPath: '/etc' }, /targetPath "\/etc" is absolute/],
    [
      { repoUrl: 'REPO', token: 'x' },
      /Unrecognized key\(s\) in object: 'token'/,
    ],
  ])('refuses %j before reaching any server', async (input, message) => {
    const fetchSpy = jest.spyOn(global, 'fetch');
    try {
      const given = {
        ...input,
        repoUrl: input.repoUrl.replace('REPO', demo.server.repoUrl),
      };
      const error = await checkout(given).catch(e => e);
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('hunter2');
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('refuses a folder that is not empty', async () => {
    await demo.workspace.addContent({ 'README.md': 'mine' });
    await expect(checkout({ repoUrl: demo.server.repoUrl })).rejects.toThrow(
      /targetPath "\." is not empty/,
    );
  });

  it('names the branches there are when the branch is not one of them', async () => {
    await expect(
      checkout({ repoUrl: demo.server.repoUrl, branch: 'develop' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringMatching(/has no branch "develop"; it has main$/),
    });
  });

  it('says when there is no repository at the URL', async () => {
    await expect(
      checkout({ repoUrl: `${demo.server.url}/other.git` }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
