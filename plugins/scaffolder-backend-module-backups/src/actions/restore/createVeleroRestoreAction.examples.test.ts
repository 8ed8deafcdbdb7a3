import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { fakeBackups } from './__testUtils__/fakeBackups';
import { createVeleroRestoreAction } from './createVeleroRestoreAction';
import { examples } from './createVeleroRestoreAction.examples';

const server = setupServer();
registerMswTestHooks(server);

describe('backups:velero:restore examples', () => {
  const action = createVeleroRestoreAction({
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
    pollIntervalMs: 5,
  });

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_description, example) => {
      const input = parse(example.example).steps[0].input;
      const backend = fakeBackups(server);
      backend.phases([{ phase: 'InProgress' }, { phase: 'Completed' }]);
      const ctx = createMockActionContext({ input });

      await action.handler(ctx);

      const { entityRef, wait, waitTimeoutMinutes, ...request } = input;
      expect(backend.plans.map(p => p.body)).toEqual([request]);
      expect(backend.creates).toHaveLength(1);
      expect(ctx.output).toHaveBeenCalledWith(
        'phase',
        wait ? 'Completed' : 'New',
      );
    },
  );
});
