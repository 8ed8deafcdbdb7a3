import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { GitopsDemoServer } from '@internal/gitops-demo';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import { addVeleroBackupTemplate } from './__testUtils__/addVeleroBackupTemplate';
import { formDefaults } from './actions/gitops/__testUtils__/formDefaults';
import { odooComponent } from './actions/gitops/__testUtils__/odooComponent';
import { demoBranches } from './actions/gitops/__testUtils__/demoRepository';
import { scaffolderModuleBackups } from './module';

// The template run as a real task, as a newcomer runs it from the demo: the
// component is the only choice, and the change lands on a branch of the demo
// repository, once however often the task runs.

const template: Entity = {
  ...addVeleroBackupTemplate,
  metadata: { ...addVeleroBackupTemplate.metadata, namespace: 'default' },
};

type TaskEvent = {
  type: string;
  body: { message?: string; output?: { links?: Array<{ url: string }> } };
};

// Each test starts a whole scaffolder backend (and git, for the tasks): on a
// busy 2-core machine that takes longer than jest's 5 s default.
jest.setTimeout(60_000);

describe('the "Add Velero backup" template, run as a task', () => {
  let server: GitopsDemoServer;
  let backend: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    server = await GitopsDemoServer.start({ port: 0 });
    ({ server: backend } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleBackups,
        catalogServiceMock.factory({ entities: [odooComponent, template] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            backups: {
              scaffolder: {
                gitops: { repository: server.repoUrl, branch: 'main' },
              },
            },
          },
        }),
      ],
    }));
  });
  afterAll(() => server.stop());

  async function runTask() {
    const auth = mockCredentials.user.header();
    const created = await request(backend)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', auth)
      .send({
        templateRef: 'template:default/add-velero-backup',
        values: {
          ...formDefaults(addVeleroBackupTemplate),
          component: 'component:default/odoo',
          // The form's default names the demo's fixed port; the test server has its own.
          repoUrl: server.repoUrl,
        },
      });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (let i = 0; i < 200; i++) {
      const { body: task } = await request(backend)
        .get(`/api/scaffolder/v2/tasks/${id}`)
        .set('Authorization', auth);
      if (['completed', 'failed'].includes(task.status)) {
        const events = await request(backend)
          .get(`/api/scaffolder/v2/tasks/${id}/events`)
          .set('Authorization', auth);
        const all = events.body as TaskEvent[];
        return {
          status: task.status as string,
          links: all.find(e => e.type === 'completion')?.body.output?.links,
          log: all.map(e => e.body.message ?? '').join('\n'),
        };
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error(`task ${id} did not end`);
  }

  it('proposes the change on a branch of the demo repository, once', async () => {
    const first = await runTask();
    expect(first.status).toBe('completed');
    expect(first.links?.[0].url).toBe(
      `${server.url}/?branch=backups%2Fvelero-odoo`,
    );
    const [main, proposal] = await demoBranches(server);
    expect(main.name).toBe('main');
    expect(proposal).toMatchObject({
      name: 'backups/velero-odoo',
      commits: [{ subject: 'Add Velero backup for odoo' }],
    });
    expect(proposal.commits[0].body).toMatch(
      /This repository had no Velero yet/,
    );
    expect(proposal.diff).toContain('+  - ../../base/backup-system\n');
    const page = await (await fetch(first.links![0].url)).text();
    expect(page).toContain('velero-backup-pvc-labels.yaml');

    const again = await runTask();
    expect(again.status).toBe('completed');
    expect(again.log).toContain(
      'backups/velero-odoo already holds this change',
    );
    const [, still] = await demoBranches(server);
    expect(still.commits).toHaveLength(1);
    expect(still.commit).toBe(proposal.commit);
  });
});
