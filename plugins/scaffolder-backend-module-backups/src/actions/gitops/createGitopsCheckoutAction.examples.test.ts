import {
  demoConfig,
  exampleInput,
  useDemoRepository,
} from './__testUtils__/demoRepository';
import {
  gitopsActionContext,
  outputs,
} from './__testUtils__/gitopsActionContext';
import { createGitopsCheckoutAction } from './createGitopsCheckoutAction';
import { examples } from './createGitopsCheckoutAction.examples';

const onGithub = (e: { example: string }) =>
  e.example.includes('https://github.com/');

describe('backups:gitops:checkout examples', () => {
  const demo = useDemoRepository();

  async function run(example: { example: string }) {
    const ctx = gitopsActionContext(
      demo.workspace.path,
      exampleInput(example, demo.server),
    );
    await createGitopsCheckoutAction({
      config: demoConfig(demo.server),
    }).handler(ctx as any);
    return outputs(ctx);
  }

  it.each(examples.filter(e => !onGithub(e)).map(e => [e.description, e]))(
    '%s',
    async (_description, example) => {
      expect(await run(example as { example: string })).toMatchObject({
        branch: 'main',
        forge: 'git',
      });
    },
  );

  it.each(examples.filter(onGithub).map(e => [e.description, e]))(
    '%s (no network in tests: it gets as far as asking GitHub for the branches)',
    async (_description, example) => {
      const fetchSpy = jest
        .spyOn(global, 'fetch')
        .mockRejectedValue(new Error('offline'));
      try {
        await expect(run(example as { example: string })).rejects.toThrow(
          /cannot be reached: offline/,
        );
      } finally {
        fetchSpy.mockRestore();
      }
    },
  );
});
