import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { backendError, fakeBackups } from './__testUtils__/fakeBackups';
import { restoreVeleroBackupTemplate } from './__testUtils__/restoreVeleroBackupTemplate';
import { createVeleroRestoreAction } from './createVeleroRestoreAction';

// The real template, run through the real scaffolder backend's dry-run endpoint.
const template = restoreVeleroBackupTemplate;

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

/** The action as module.ts registers it, so the test does not depend on that wiring. */
const restoreActionModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'backups-restore-test',
  register({ registerInit }) {
    registerInit({
      deps: {
        actions: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ actions, auth, discovery }) {
        actions.addActions(createVeleroRestoreAction({ auth, discovery }));
      },
    });
  },
});

const values = {
  entityRef: 'component:default/odoo',
  backupName: 'odoo-daily-20261123030000',
  target: 'in-place',
  existingResourcePolicy: 'none',
  restorePVs: true,
  suspendGitOps: true,
  acknowledgePartiallyFailed: false,
  plan: 'hash-plan-1',
};

type LogLine = { message: string; status?: string; stepId?: string };

// Each test starts a whole scaffolder backend (and git, for the tasks): on a
// busy 2-core machine that takes longer than jest's 5 s default.
jest.setTimeout(60_000);

describe('the "Restore from Velero backup" template, dry-run through the scaffolder backend', () => {
  const server = setupServer();
  // The supertest requests to the test backend go through as they are.
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  async function dryRun(given: Record<string, unknown>) {
    const { server: backend } = await startTestBackend({
      features: [
        scaffolderPlugin,
        restoreActionModule,
        catalogServiceMock.factory({ entities: [odoo] }),
        mockServices.rootConfig.factory({
          data: { backend: { baseUrl: 'http://localhost:7007' } },
        }),
      ],
    });
    const response = await request(backend)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values: given, secrets: {}, directoryContents: [] });
    const log = ((response.body.log ?? []) as Array<{ body: LogLine }>).map(
      l => l.body,
    );
    return { response, log, output: response.body.output };
  }

  it('plans in place, logs the plan, creates nothing, and links the Backups tab', async () => {
    const backups = fakeBackups(server);

    const { response, log, output } = await dryRun(values);

    expect(response.status).toBe(200);
    expect(log.filter(l => l.status === 'failed')).toEqual([]);
    expect(log.filter(l => l.status === 'completed')).toHaveLength(
      template.spec.steps.length,
    );
    expect(backups.plans.map(p => p.body)).toEqual([
      {
        backupName: 'odoo-daily-20261123030000',
        targetNamespace: 'business-system',
        existingResourcePolicy: 'none',
        restorePVs: true,
        suspendGitOps: true,
        acknowledgePartiallyFailed: false,
      },
    ]);
    // On behalf of the one who runs the template, never as the scaffolder alone.
    expect(backups.plans[0].authorization).toBe(
      mockCredentials.service.header({
        onBehalfOf: mockCredentials.user(),
        targetPluginId: 'backups',
      }),
    );
    expect(backups.creates).toEqual([]);
    expect(backups.lists).toBe(0);
    const messages = log.map(l => l.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'Restore backup odoo-daily-20261123030000 (Completed, taken 2026-11-23T03:00:00Z) of namespace business-system into business-system (in place) on cluster demo',
        ),
        expect.stringContaining('What the backup holds: Deployment 1'),
        expect.stringContaining(
          'Already in business-system: skipped (kept as it is): Deployment odoo',
        ),
        expect.stringContaining(
          'Dry run: the restore was planned, not requested',
        ),
      ]),
    );
    expect(output.links).toEqual([
      {
        title: 'Backups tab of the component',
        url: '/catalog/default/component/odoo/backups',
      },
    ]);
    expect(output.text[0].content).toBe(
      'Restore **(derived from the Idempotency-Key when the restore is requested)** of backup odoo-daily-20261123030000 into business-system on cluster demo: **Planned**.',
    );
  });

  it('maps a new namespace to <namespace>-restore and passes the options on', async () => {
    const backups = fakeBackups(server);

    const { response } = await dryRun({
      ...values,
      target: 'new-namespace',
      existingResourcePolicy: 'update',
      restorePVs: false,
      acknowledgePartiallyFailed: true,
    });

    expect(response.status).toBe(200);
    expect(backups.plans.map(p => p.body)).toEqual([
      {
        backupName: 'odoo-daily-20261123030000',
        targetNamespace: 'business-system-restore',
        existingResourcePolicy: 'update',
        restorePVs: false,
        suspendGitOps: true,
        acknowledgePartiallyFailed: true,
      },
    ]);
  });

  it("answers the backend's refusal, naming the field", async () => {
    const backups = fakeBackups(server);
    backups.refusePlan(() =>
      backendError(
        400,
        'InputError',
        'acknowledgePartiallyFailed: backup odoo-daily-20261123030000 only partly succeeded (PartiallyFailed); set acknowledgePartiallyFailed to restore what it holds',
      ),
    );

    const { response } = await dryRun(values);

    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      name: 'InputError',
      message:
        'Planning the restore was refused (400): acknowledgePartiallyFailed: backup odoo-daily-20261123030000 only partly succeeded (PartiallyFailed); set acknowledgePartiallyFailed to restore what it holds',
    });
    expect(backups.creates).toEqual([]);
  });
});
