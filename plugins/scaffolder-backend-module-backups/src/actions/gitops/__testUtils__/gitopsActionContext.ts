import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The scaffolder removes a step's temporary folders after the step; here, after the file.
const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs.splice(0))
    rmSync(dir, { recursive: true, force: true });
});

/**
 * An action context on a workspace, with a logger whose calls can be read,
 * temporary folders that are real and fresh, and a dry-run flag.
 */
export function gitopsActionContext(
  workspacePath: string,
  input: Record<string, unknown>,
  options: { isDryRun?: boolean } = {},
) {
  const logger = mockServices.logger.mock();
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath,
    logger,
  });
  return {
    ...ctx,
    isDryRun: options.isDryRun,
    logger,
    createTemporaryDirectory: jest.fn(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gitops-step-'));
      temporaryDirs.push(dir);
      return dir;
    }),
  };
}

/** What the logger was told, as one text. */
export function logged(ctx: ReturnType<typeof gitopsActionContext>): string {
  return ctx.logger.info.mock.calls.map(([message]) => message).join('\n');
}

/** The outputs an action gave, by name. */
export function outputs(ctx: { output: jest.Mock | Function }) {
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
}
