import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { GitopsDemoServer } from '@internal/gitops-demo';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { createGitopsCheckoutAction } from '../createGitopsCheckoutAction';
import { gitopsActionContext } from './gitopsActionContext';

/** The overlay every change of the tests touches. */
export const OVERLAY = 'kubernetes/apps/overlays/cluster-00/kustomization.yaml';

/** Config that lets the actions reach the demo server under test. */
export function demoConfig(server: GitopsDemoServer) {
  return new ConfigReader({
    backups: { scaffolder: { gitops: { repository: server.repoUrl } } },
  });
}

/**
 * A demo repository server, for the whole file or fresh for each test, and a
 * workspace emptied before each test.
 */
export function useDemoRepository(options: { serverPerTest?: boolean } = {}) {
  const workspace = createMockDirectory();
  let server: GitopsDemoServer | undefined;
  const [start, stop] = options.serverPerTest
    ? [beforeEach, afterEach]
    : [beforeAll, afterAll];
  start(async () => {
    server = await GitopsDemoServer.start({ port: 0 });
  });
  stop(() => server?.stop());
  beforeEach(() => workspace.clear());
  return {
    workspace,
    get server() {
      return server!;
    },
    /** Runs backups:gitops:checkout of the demo's main into the workspace. */
    async checkout(targetPath?: string) {
      await createGitopsCheckoutAction({ config: demoConfig(server!) }).handler(
        gitopsActionContext(workspace.path, {
          repoUrl: server!.repoUrl,
          targetPath,
        }) as any,
      );
    },
  };
}

/** The demo server's branches, as its API lists them. */
export async function demoBranches(server: GitopsDemoServer) {
  const body = await (await fetch(`${server.url}/api/branches`)).json();
  return body.branches as Array<{
    name: string;
    commit: string;
    commits: Array<{ commit: string; subject: string; body: string }>;
    diff: string;
  }>;
}

/**
 * Pushes a commit of these files onto main with the machine's git, as another
 * change landing meanwhile. Asynchronous: the server answers in this process.
 */
export async function pushToMain(
  server: GitopsDemoServer,
  files: Record<string, string>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-other-'));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'someone',
    GIT_AUTHOR_EMAIL: 'someone@example.com',
    GIT_COMMITTER_NAME: 'someone',
    GIT_COMMITTER_EMAIL: 'someone@example.com',
  };
  const git = (...args: string[]) =>
    promisify(execFile)('git', args, { cwd: dir, env });
  try {
    await git('clone', '--quiet', server.repoUrl, '.');
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    await git('add', '--all');
    await git('commit', '--quiet', '-m', 'Another change');
    await git('push', '--quiet', 'origin', 'main');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DEMO_REPOSITORY = 'http://127.0.0.1:8002/odoo-gitops.git';

/** An example's input, pointed at the demo server under test rather than 127.0.0.1:8002. */
export function exampleInput(
  example: { example: string },
  server: GitopsDemoServer,
) {
  const input = parse(example.example).steps[0].input ?? {};
  return JSON.parse(
    JSON.stringify(input).replaceAll(DEMO_REPOSITORY, server.repoUrl),
  );
}
