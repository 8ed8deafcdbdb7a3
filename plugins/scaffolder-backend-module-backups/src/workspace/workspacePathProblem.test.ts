import { createMockDirectory } from '@backstage/backend-test-utils';
import { symlinkSync } from 'node:fs';
import {
  assertInsideWorkspace,
  workspacePathProblem,
} from './workspacePathProblem';

describe('workspacePathProblem, on a real directory with symlinks', () => {
  const workspace = createMockDirectory();
  const outside = createMockDirectory();

  beforeAll(() => {
    workspace.setContent({ 'apps/base/kustomization.yaml': 'resources: []\n' });
    outside.setContent({ 'secret.yaml': 'token: x\n', dir: {} });
    symlinkSync(outside.resolve('dir'), workspace.resolve('escape'));
    symlinkSync(outside.resolve('secret.yaml'), workspace.resolve('k.yaml'));
    symlinkSync(outside.resolve('missing'), workspace.resolve('dangling'));
    symlinkSync(workspace.resolve('apps'), workspace.resolve('inside'));
    symlinkSync(workspace.resolve('loop'), workspace.resolve('loop'));
  });

  it.each([
    '.',
    'apps/base',
    'apps/base/kustomization.yaml',
    'apps/base/not/yet/there.yaml',
    'inside/base/new.yaml',
  ])('accepts %p', async path => {
    expect(await workspacePathProblem(workspace.path, path)).toBeUndefined();
  });

  it.each([
    ['escape', /outside the workspace/],
    ['escape/apps/base', /outside the workspace/],
    ['k.yaml', /outside the workspace/],
    ['dangling/kustomization.yaml', /target is missing/],
    ['loop/x', /loop/],
    ['../x', /outside the workspace/],
  ])('refuses %p', async (path, message) => {
    expect(await workspacePathProblem(workspace.path, path)).toMatch(message);
  });

  it('names each field that leaves the workspace in one InputError', async () => {
    await expect(
      assertInsideWorkspace(workspace.path, [
        { field: 'basePath', path: 'escape/apps' },
        { field: 'appPath', path: 'apps/base' },
        { field: 'overlayKustomization', path: 'k.yaml' },
      ]),
    ).rejects.toThrow(
      /^Invalid input for backups:velero:generate: basePath: "escape\/apps" resolves outside .*; overlayKustomization: "k.yaml" resolves outside/,
    );
  });
});
