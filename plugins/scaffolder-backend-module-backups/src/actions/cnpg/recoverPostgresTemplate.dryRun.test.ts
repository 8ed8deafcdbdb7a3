import {
  coreServices,
  createBackendModule,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { validateManifests } from '@internal/crd-schemas';
import { setupServer } from 'msw/node';
import { promises as fs, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  ANY_HOST_OVERVIEW_URL,
  APP_DIR,
  appTree,
  odooOverview,
  overviewHandler,
} from './__testUtils__/cnpgOverview';
import { createCnpgRecoveryManifestAction } from './createCnpgRecoveryManifestAction';

// The real template, run through the real scaffolder backend's dry-run endpoint.
const template = parse(
  readFileSync(
    resolve(
      __dirname,
      '../../../../../examples/templates/recover-postgres/template.yaml',
    ),
    'utf8',
  ),
);

const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'odoo',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-namespace': 'business-system' },
  },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

/** What the stand-ins for the backups:gitops:* actions were given. */
type Calls = Record<string, Array<Record<string, unknown>>>;

/**
 * Stand-ins for backups:gitops:checkout, diff and propose (written elsewhere):
 * checkout lays the reference app tree into the workspace, with their contract.
 */
function gitopsStandIns(calls: Calls) {
  const stub = (
    id: string,
    run: (input: any, workspace: string) => Promise<object>,
  ) =>
    createTemplateAction({
      id,
      supportsDryRun: true,
      async handler(ctx) {
        (calls[id] ??= []).push(ctx.input);
        const output = await run(ctx.input, ctx.workspacePath);
        for (const [key, value] of Object.entries(output))
          ctx.output(key, value);
      },
    });
  return [
    stub('backups:gitops:checkout', async ({ repoUrl }, workspace) => {
      for (const [path, content] of Object.entries(appTree)) {
        const target = resolveSafeChildPath(workspace, path);
        await fs.mkdir(dirname(target), { recursive: true });
        await fs.writeFile(target, content);
      }
      const github = /^https:\/\/github\.com\/([^/]+)\/([^/.]+)/.exec(repoUrl);
      return github
        ? {
            branch: 'main',
            commit: 'c0ffee',
            forge: 'github',
            githubRepoUrl: `github.com?owner=${github[1]}&repo=${github[2]}`,
          }
        : { branch: 'main', commit: 'c0ffee', forge: 'git' };
    }),
    stub('backups:gitops:diff', async () => ({ diff: '', changed: true })),
    stub('backups:gitops:propose', async ({ branchName }) => ({
      branch: branchName,
      diff: '',
      url: `http://127.0.0.1:8002/odoo-gitops/-/branches/${branchName}`,
    })),
  ];
}

function actionsModule(calls: Calls) {
  return createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'cnpg-recovery-test',
    register({ registerInit }) {
      registerInit({
        deps: {
          actions: scaffolderActionsExtensionPoint,
          auth: coreServices.auth,
          discovery: coreServices.discovery,
        },
        async init({ actions, auth, discovery }) {
          actions.addActions(
            createCnpgRecoveryManifestAction({ auth, discovery }),
            ...gitopsStandIns(calls),
          );
        },
      });
    },
  });
}

const values = {
  entity: 'component:default/odoo',
  cluster: 'odoo-pg',
  targetTime: '2026-11-30T10:15:00Z',
  repoUrl: 'http://127.0.0.1:8002/odoo-gitops.git',
  branch: 'main',
};

type LogLine = { message: string; status?: string; stepId?: string };

// Each test starts a whole scaffolder backend (and git, for the tasks): on a
// busy 2-core machine that takes longer than jest's 5 s default.
jest.setTimeout(60_000);

describe('the "Recover PostgreSQL to a point in time" template, dry-run through the scaffolder backend', () => {
  const server = setupServer();
  // The supertest requests to the test backend go through as they are.
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  beforeEach(() =>
    server.use(overviewHandler(odooOverview(), ANY_HOST_OVERVIEW_URL)),
  );
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  async function dryRun(given: Record<string, unknown>) {
    const calls: Calls = {};
    const { server: backend } = await startTestBackend({
      features: [
        scaffolderPlugin,
        githubModule,
        actionsModule(calls),
        catalogServiceMock.factory({ entities: [odoo] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            integrations: {
              github: [{ host: 'github.com', token: 'dry-run-token' }],
            },
          },
        }),
      ],
    });
    const response = await request(backend)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values: given, secrets: {}, directoryContents: [] });
    const log = ((response.body.log ?? []) as Array<{ body: LogLine }>).map(
      l => l.body,
    );
    const files = Object.fromEntries(
      ((response.body.directoryContents ?? []) as any[]).map(f => [
        f.path,
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ]),
    );
    return { response, log, files, calls, output: response.body.output };
  }

  const statuses = (log: LogLine[]) =>
    Object.fromEntries(
      log.filter(l => l.stepId && l.status).map(l => [l.stepId, l.status]),
    );

  it('writes the recovery Cluster and proposes it with the window and the time in the body', async () => {
    const { response, log, files, calls, output } = await dryRun(values);

    expect([response.status, response.body.error]).toEqual([200, undefined]);
    expect(statuses(log)).toEqual({
      entity: 'completed',
      checkout: 'completed',
      manifest: 'completed',
      diff: 'completed',
      propose: 'completed',
      'pull-request': 'skipped',
    });
    const path = `${APP_DIR}/odoo-pg-pitr-202611301015.yaml`;
    expect(validateManifests(files[path])).toEqual([
      expect.objectContaining({ valid: true, kind: 'Cluster' }),
    ]);
    expect(files[`${APP_DIR}/kustomization.yaml`]).toContain(
      '  - odoo-pg-pitr-202611301015.yaml',
    );
    expect(calls['backups:gitops:checkout']).toEqual([
      { repoUrl: 'http://127.0.0.1:8002/odoo-gitops.git', branch: 'main' },
    ]);
    const [propose] = calls['backups:gitops:propose'];
    expect(propose).toMatchObject({
      repoUrl: 'http://127.0.0.1:8002/odoo-gitops.git',
      baseBranch: 'main',
      branchName: 'backups/pitr-odoo-pg-20261130T101500Z',
      title: 'Recover odoo-pg to 2026-11-30T10:15:00Z',
    });
    expect(propose.description).toContain(
      'Recoverability window when proposed: 2026-11-23T02:06:14Z to 2026-11-30T11:55:00Z (UTC)',
    );
    expect(propose.description).toContain('Chosen time: 2026-11-30T10:15:00Z');
    expect(output.links).toEqual([
      {
        title: 'Proposed change',
        url: 'http://127.0.0.1:8002/odoo-gitops/-/branches/backups/pitr-odoo-pg-20261130T101500Z',
      },
    ]);
    expect(output.text[0].content).toBe(propose.description);
  });

  it('opens a GitHub pull request of the manifest directory instead when the repository is on github.com', async () => {
    const { response, log, calls, output } = await dryRun({
      ...values,
      repoUrl: 'https://github.com/hayden/home-ops.git',
      name: 'odoo-pg-before-migration',
    });

    expect([response.status, response.body.error]).toEqual([200, undefined]);
    expect(statuses(log)).toMatchObject({
      propose: 'skipped',
      'pull-request': 'completed',
    });
    expect(calls['backups:gitops:propose']).toBeUndefined();
    expect(output.links).toEqual([
      {
        title: 'Proposed change',
        url: 'github.com?owner=hayden&repo=home-ops',
      },
    ]);
    expect(
      log.some(l =>
        l.message.includes('Performing dry run of creating pull request'),
      ),
    ).toBe(true);
  });

  it('stops before proposing anything when the time is outside the window', async () => {
    const { response, calls } = await dryRun({
      ...values,
      targetTime: '2026-11-30T12:00:00Z',
    });

    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      name: 'InputError',
      message:
        'Invalid input for backups:cnpg:recovery-manifest: targetTime: 2026-11-30T12:00:00Z is after the newest archived WAL; the recoverability window of odoo-pg is 2026-11-23T02:06:14Z to 2026-11-30T11:55:00Z',
    });
    expect(calls['backups:gitops:propose']).toBeUndefined();
  });
});
