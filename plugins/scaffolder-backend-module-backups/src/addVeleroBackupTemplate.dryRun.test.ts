import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { parse } from 'yaml';
import { validateManifests } from '@internal/crd-schemas';
import { GitopsDemoServer } from '@internal/gitops-demo';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { addVeleroBackupTemplate } from './__testUtils__/addVeleroBackupTemplate';
import { formDefaults } from './actions/gitops/__testUtils__/formDefaults';
import { odooComponent } from './actions/gitops/__testUtils__/odooComponent';
import {
  demoBranches,
  OVERLAY,
  pushToMain,
} from './actions/gitops/__testUtils__/demoRepository';
import { scaffolderModuleBackups } from './module';

// The real template, run through the real scaffolder backend's dry-run endpoint,
// against the demo's GitOps repository served by a GitopsDemoServer on a free port.
const template = addVeleroBackupTemplate;

const APP = 'kubernetes/apps/base/business-system/odoo/app';
const VELERO = 'kubernetes/apps/base/backup-system';

let server: GitopsDemoServer;
beforeEach(async () => {
  server = await GitopsDemoServer.start({ port: 0 });
});
afterEach(() => server.stop());

/** What a newcomer enters: the component; every other field keeps its default. */
function defaults(): Record<string, string> {
  // The form's default names the demo's fixed port; the test server has its own.
  return { ...formDefaults(template), repoUrl: server.repoUrl };
}

/** POST /v2/dry-run of the template with these form values. */
async function postDryRun(given: Record<string, string>) {
  const { server: backend } = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      scaffolderModuleBackups,
      catalogServiceMock.factory({ entities: [odooComponent] }),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
          integrations: {
            github: [{ host: 'github.com', token: 'dry-run-token' }],
          },
          backups: {
            scaffolder: {
              gitops: { repository: server.repoUrl, branch: 'main' },
            },
          },
        },
      }),
    ],
  });
  return request(backend)
    .post('/api/scaffolder/v2/dry-run')
    .send({ template, values: given, secrets: {}, directoryContents: [] });
}

async function dryRun(
  given: Record<string, string> = { component: 'component:default/odoo' },
) {
  const response = await postDryRun({ ...defaults(), ...given });
  expect(response.status).toBe(200);
  const files = Object.fromEntries(
    (
      response.body.directoryContents as Array<{
        path: string;
        base64Content: string;
      }>
    ).map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
  const log = (
    response.body.log as Array<{
      body: { message: string; status?: string; stepId?: string };
    }>
  ).map(l => l.body);
  // Every step ran to the end but the pull request, which is for GitHub only.
  expect(log.filter(l => l.status === 'failed')).toEqual([]);
  expect(log.filter(l => l.status === 'completed').map(l => l.stepId)).toEqual([
    'entity',
    'checkout',
    'velero',
    'diff',
    'propose',
  ]);
  expect(log.filter(l => l.status === 'skipped').map(l => l.stepId)).toEqual([
    'pr',
  ]);
  const said = (stepId: string) =>
    log
      .filter(l => l.stepId === stepId)
      .map(l => l.message)
      .join('\n');
  return { files, output: response.body.output, said };
}

// Each test starts a whole scaffolder backend (and git, for the tasks): on a
// busy 2-core machine that takes longer than jest's 5 s default.
jest.setTimeout(60_000);

describe('the "Add Velero backup" template, dry-run through the scaffolder backend', () => {
  it('asks only for the component, shows the diff, and pushes nothing', async () => {
    const { files, output, said } = await dryRun();
    expect(
      Object.keys(files)
        .filter(p => p.startsWith(VELERO))
        .sort(),
    ).toEqual([
      `${VELERO}/kustomization.yaml`,
      `${VELERO}/namespace.yaml`,
      `${VELERO}/velero/app/externalsecret.yaml`,
      `${VELERO}/velero/app/helmrelease.yaml`,
      `${VELERO}/velero/app/kustomization.yaml`,
      `${VELERO}/velero/app/ocirepository.yaml`,
      `${VELERO}/velero/ks.yaml`,
      `${VELERO}/velero/schedules/kustomization.yaml`,
      `${VELERO}/velero/schedules/odoo-backup.yaml`,
    ]);
    expect(files[OVERLAY]).toMatch(
      /- \.\.\/\.\.\/base\/business-system\n {2}- \.\.\/\.\.\/base\/backup-system\n$/,
    );
    // The demo's Odoo is a kustomization: labels and hooks are patched in, the
    // CNPG cluster found there without being named.
    expect(parse(files[`${APP}/kustomization.yaml`]).patches).toEqual([
      {
        path: 'velero-backup-pvc-labels.yaml',
        target: { kind: 'PersistentVolumeClaim' },
      },
      {
        path: 'velero-backup-cnpg-labels.yaml',
        target: {
          group: 'postgresql.cnpg.io',
          kind: 'Cluster',
          name: 'odoo-pg',
        },
      },
      {
        path: 'velero-backup-hooks.yaml',
        target: { kind: 'HelmRelease', name: 'odoo' },
      },
    ]);
    const schedule = parse(
      files[`${VELERO}/velero/schedules/odoo-backup.yaml`],
    );
    expect(schedule.spec).toMatchObject({
      schedule: '0 3 * * *',
      template: {
        includedNamespaces: ['business-system'],
        labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'odoo' } },
        ttl: '168h',
      },
    });
    // Every manifest is valid; the app's patches are partial by design.
    for (const [path, content] of Object.entries(files).filter(
      ([p]) => p.endsWith('.yaml') && !p.includes('/velero-backup-'),
    )) {
      const invalid = validateManifests(content).filter(
        r => !r.valid && r.schemaFound,
      );
      expect({ path, invalid }).toEqual({ path, invalid: [] });
    }

    // The diff, before anything is proposed: in the log and in the output.
    const diff = `diff --git a/${OVERLAY} b/${OVERLAY}`;
    expect(said('diff')).toContain('14 file(s) changed against main');
    // The demo tree has none of the mistakes the Velero action lints for.
    expect(said('velero')).not.toMatch(/warn/);
    expect(said('diff')).toContain(diff);
    expect(said('propose')).toContain(
      'Dry run: would push this change to backups/velero-odoo',
    );
    expect(output.links).toEqual([
      {
        title: 'The proposed change',
        url: `${server.url}/?branch=backups%2Fvelero-odoo`,
      },
    ]);
    expect(output.text[0].content).toMatch(/This repository had no Velero yet/);
    expect(output.text[1].content).toMatch(/^```diff\n/);
    expect(output.text[1].content).toContain('+  - ../../base/backup-system\n');
    expect((await demoBranches(server)).map(b => b.name)).toEqual(['main']);
  });

  it('adds only the schedule and the app patches where Velero already backs up another app', async () => {
    const existing = {
      [OVERLAY]:
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base/business-system\n  - ../../base/backup-system\n',
      [`${VELERO}/kustomization.yaml`]:
        'resources:\n  - namespace.yaml\n  - velero/ks.yaml\n',
      [`${VELERO}/namespace.yaml`]:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: velero\n',
      [`${VELERO}/velero/app/helmrelease.yaml`]:
        '# hand-tuned\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: velero\n  namespace: velero\nspec:\n  interval: 1h\n  chartRef: { kind: OCIRepository, name: velero }\n',
      [`${VELERO}/velero/ks.yaml`]:
        'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: velero-schedules\n  namespace: flux-system\nspec:\n  interval: 30m\n  path: ./kubernetes/apps/base/backup-system/velero/schedules\n  prune: true\n  sourceRef: { kind: GitRepository, name: flux-system }\n',
      [`${VELERO}/velero/schedules/kustomization.yaml`]:
        '# schedules\nresources:\n  - crm-backup.yaml\n',
      [`${VELERO}/velero/schedules/crm-backup.yaml`]:
        'apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: crm-daily\n  namespace: velero\nspec:\n  schedule: 0 2 * * *\n  template: {}\n',
    };
    await pushToMain(server, existing);
    const { files, output, said } = await dryRun();
    expect(
      said('diff')
        .split('\n')
        .filter(l => /^ {2}(added|modified|deleted) /.test(l))
        .sort(),
    ).toEqual(
      [
        `  added ${APP}/velero-backup-cnpg-labels.yaml`,
        `  added ${APP}/velero-backup-hooks.yaml`,
        `  added ${APP}/velero-backup-pvc-labels.yaml`,
        `  added ${VELERO}/velero/schedules/odoo-backup.yaml`,
        `  modified ${APP}/kustomization.yaml`,
        `  modified ${VELERO}/velero/schedules/kustomization.yaml`,
      ].sort(),
    );
    expect(files[`${VELERO}/velero/schedules/kustomization.yaml`]).toBe(
      '# schedules\nresources:\n  - crm-backup.yaml\n  - odoo-backup.yaml\n',
    );
    expect(output.text[0].content).toMatch(/Velero is already deployed here/);
  });

  it('labels the CNPG cluster named in the form', async () => {
    const { files } = await dryRun({
      component: 'component:default/odoo',
      cnpgCluster: 'odoo-pg',
    });
    expect(parse(files[`${APP}/velero-backup-cnpg-labels.yaml`]).spec).toEqual({
      inheritedMetadata: { labels: { 'app.kubernetes.io/name': 'odoo' } },
    });
  });

  it.each(['main..evil', 'main branch', '-main', 'x.lock'])(
    'refuses the base branch %p before any step runs',
    async branch => {
      const response = await postDryRun({
        ...defaults(),
        component: 'component:default/odoo',
        branch,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toMatchObject([{ path: ['branch'] }]);
    },
  );

  it.each([
    'http://me:secret@127.0.0.1:8002/odoo-gitops.git',
    'ftp://127.0.0.1/odoo-gitops.git',
    'github.com?owner=hayden&repo=home-ops',
  ])('refuses the repository %p before any step runs', async repoUrl => {
    const response = await postDryRun({
      ...defaults(),
      component: 'component:default/odoo',
      repoUrl,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toMatchObject([{ path: ['repoUrl'] }]);
  });
});
