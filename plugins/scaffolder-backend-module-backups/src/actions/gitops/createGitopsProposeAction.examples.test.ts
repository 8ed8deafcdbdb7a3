import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  demoBranches,
  demoConfig,
  exampleInput,
  OVERLAY,
  useDemoRepository,
} from './__testUtils__/demoRepository';
import {
  gitopsActionContext,
  outputs,
} from './__testUtils__/gitopsActionContext';
import { createGitopsProposeAction } from './createGitopsProposeAction';
import { examples } from './createGitopsProposeAction.examples';

describe('backups:gitops:propose examples', () => {
  const demo = useDemoRepository({ serverPerTest: true });

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_description, example) => {
      await demo.checkout();
      await fs.appendFile(join(demo.workspace.path, OVERLAY), '  - x\n');
      const ctx = gitopsActionContext(
        demo.workspace.path,
        exampleInput(example, demo.server),
      );
      await createGitopsProposeAction({
        config: demoConfig(demo.server),
      }).handler(ctx as any);
      expect((await demoBranches(demo.server)).map(b => b.name)).toEqual([
        'main',
        outputs(ctx).branch,
      ]);
    },
  );
});
