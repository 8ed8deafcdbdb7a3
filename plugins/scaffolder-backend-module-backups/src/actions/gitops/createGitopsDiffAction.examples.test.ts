import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  exampleInput,
  OVERLAY,
  useDemoRepository,
} from './__testUtils__/demoRepository';
import {
  gitopsActionContext,
  outputs,
} from './__testUtils__/gitopsActionContext';
import { createGitopsDiffAction } from './createGitopsDiffAction';
import { examples } from './createGitopsDiffAction.examples';

describe('backups:gitops:diff examples', () => {
  const demo = useDemoRepository();

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_description, example) => {
      const input = exampleInput(example, demo.server);
      await demo.checkout(input.path);
      await fs.appendFile(
        join(demo.workspace.path, input.path ?? '.', OVERLAY),
        '  - x\n',
      );
      const ctx = gitopsActionContext(demo.workspace.path, input);
      await createGitopsDiffAction().handler(ctx as any);
      expect(outputs(ctx)).toMatchObject({
        changed: true,
        files: [{ path: OVERLAY, change: 'modified' }],
      });
    },
  );
});
