import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { createVeleroGenerateAction } from './createVeleroGenerateAction';
import { examples } from './createVeleroGenerateAction.examples';

describe('backups:velero:generate examples', () => {
  const workspace = createMockDirectory();
  const action = createVeleroGenerateAction();

  beforeEach(() => workspace.clear());

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_description, example) => {
      const input = parse(example.example).steps[0].input;
      const ctx = createMockActionContext({
        input,
        workspacePath: workspace.path,
      });
      await action.handler(ctx);
      const files: string[] = (ctx.output as jest.Mock).mock.calls.find(
        ([name]) => name === 'files',
      )[1];
      const schedule = `kubernetes/apps/base/backup-system/velero/schedules/${input.appName}-backup.yaml`;
      // A lint-only example writes nothing; the others write the app's Schedule.
      const expected = input.lintOnly ? [] : [schedule];
      expect(files.filter(f => f === schedule || input.lintOnly)).toEqual(
        expected,
      );
    },
  );
});
