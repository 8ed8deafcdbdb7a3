import {
  createMockDirectory,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { setupServer } from 'msw/node';
import { createCnpgRecoveryManifestAction } from '../createCnpgRecoveryManifestAction';
import { appTree, odooOverview, overviewHandler } from './cnpgOverview';

/**
 * The action against msw's backups backend, over a workspace holding the
 * reference app tree; call inside a describe. `run` returns the outputs.
 */
export function cnpgActionHarness() {
  const server = setupServer();
  registerMswTestHooks(server);
  const workspace = createMockDirectory();
  const action = createCnpgRecoveryManifestAction({
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
  });

  beforeEach(() => {
    workspace.setContent(appTree);
    server.use(overviewHandler(odooOverview()));
  });

  async function run(
    input: Record<string, unknown>,
    isDryRun = false,
  ): Promise<Record<string, any>> {
    const ctx = {
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace.path,
      }),
      isDryRun,
    };
    await action.handler(ctx);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  return { server, workspace, run };
}
