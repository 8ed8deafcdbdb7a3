import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { validateManifests } from '@internal/crd-schemas';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { addVeleroBackupTemplate } from './__testUtils__/addVeleroBackupTemplate';
import { scaffolderModuleBackups } from './module';

// The real template, run through the real scaffolder backend's dry-run endpoint.
const template = addVeleroBackupTemplate;

const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'odoo',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-namespace': 'business-system',
      'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=odoo',
    },
  },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

const OVERLAY = 'kubernetes/apps/overlays/cluster-00/kustomization.yaml';

const REPOSITORY = 'https://github.com/hayden/home-ops/tree/main';

/** GitHub, as fetch:plain reads it: the chosen repository's base branch is the tree. */
function gitopsRepository(tree: Record<string, string>, read: string[]) {
  return mockServices.urlReader.mock({
    readTree: async url => {
      read.push(url);
      if (url !== REPOSITORY) throw new Error(`unexpected read of ${url}`);
      return {
        etag: 'main',
        files: async () => [],
        archive: async () => {
          throw new Error('fetch:plain reads the tree as a directory');
        },
        dir: async ({ targetDir } = {}) => {
          for (const [path, content] of Object.entries(tree)) {
            const target = resolve(targetDir!, path);
            await fs.mkdir(dirname(target), { recursive: true });
            await fs.writeFile(target, content);
          }
          return targetDir!;
        },
      };
    },
  });
}

const values = {
  component: 'component:default/odoo',
  cnpgCluster: 'odoo-pg',
  repoUrl: 'github.com?owner=hayden&repo=home-ops',
  branch: 'main',
  schedule: '0 3 * * *',
  ttl: '168h',
};

/** POST /v2/dry-run of the template; `read` lists what fetch:plain asked GitHub for. */
async function postDryRun(
  tree: Record<string, string>,
  given: Record<string, string> = values,
) {
  const read: string[] = [];
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      scaffolderModuleBackups,
      gitopsRepository(tree, read).factory,
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
  const response = await request(server)
    .post('/api/scaffolder/v2/dry-run')
    .send({ template, values: given, secrets: {}, directoryContents: [] });
  return { response, read };
}

async function dryRun(tree: Record<string, string>) {
  const { response, read } = await postDryRun(tree);
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
    response.body.log as Array<{ body: { message: string; status?: string } }>
  ).map(l => l.body);
  // Every step of the template ran to the end.
  expect(log.filter(l => l.status === 'failed')).toEqual([]);
  expect(log.filter(l => l.status === 'completed').length).toBe(
    template.spec.steps.length,
  );
  // The repository is read from the chosen repository and branch, nowhere else.
  expect(read).toEqual([REPOSITORY]);
  return { files, output: response.body.output };
}

const overlay =
  'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base/business-system # apps\n';

describe('the "Add Velero backup" template, dry-run through the scaffolder backend', () => {
  it('creates the whole Velero directory in a repository that has none', async () => {
    const app = 'kubernetes/apps/base/business-system/odoo/app';
    const { files, output } = await dryRun({
      [OVERLAY]: overlay,
      'kubernetes/apps/base/business-system/kustomization.yaml':
        'resources:\n  - odoo/app\n',
      [`${app}/kustomization.yaml`]: 'resources:\n  - pvc.yaml\n',
      [`${app}/pvc.yaml`]:
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: odoo-filestore\n',
    });
    expect(parse(files[`${app}/kustomization.yaml`]).patches).toEqual([
      {
        path: 'velero-backup-pvc-labels.yaml',
        target: { kind: 'PersistentVolumeClaim' },
      },
    ]);
    expect(
      parse(files[`${app}/velero-backup-pvc-labels.yaml`]).metadata.labels,
    ).toEqual({ 'app.kubernetes.io/name': 'odoo' });
    expect(
      Object.keys(files)
        .filter(p => p.includes('backup-system'))
        .sort(),
    ).toEqual([
      'kubernetes/apps/base/backup-system/kustomization.yaml',
      'kubernetes/apps/base/backup-system/namespace.yaml',
      'kubernetes/apps/base/backup-system/velero/app/externalsecret.yaml',
      'kubernetes/apps/base/backup-system/velero/app/helmrelease.yaml',
      'kubernetes/apps/base/backup-system/velero/app/kustomization.yaml',
      'kubernetes/apps/base/backup-system/velero/app/ocirepository.yaml',
      'kubernetes/apps/base/backup-system/velero/ks.yaml',
      'kubernetes/apps/base/backup-system/velero/schedules/kustomization.yaml',
      'kubernetes/apps/base/backup-system/velero/schedules/odoo-backup.yaml',
    ]);
    expect(files[OVERLAY]).toBe(`${overlay}  - ../../base/backup-system\n`);
    const schedule = parse(
      files[
        'kubernetes/apps/base/backup-system/velero/schedules/odoo-backup.yaml'
      ],
    );
    expect(schedule.spec.template).toMatchObject({
      includedNamespaces: ['business-system'],
      labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'odoo' } },
      ttl: '168h',
    });
    for (const [path, content] of Object.entries(files).filter(([p]) =>
      p.includes('backup-system'),
    )) {
      const invalid = validateManifests(content).filter(
        r => !r.valid && r.schemaFound,
      );
      expect({ path, invalid }).toEqual({ path, invalid: [] });
    }
    expect(output.links[0].url).toBe('github.com?owner=hayden&repo=home-ops');
    expect(output.text[0].content).toMatch(/This repository had no Velero yet/);
    expect(output.text[0].content).toMatch(/inheritedMetadata/);
  });

  it('adds only the schedule and wiring where Velero already backs up another app', async () => {
    const existing: Record<string, string> = {
      [OVERLAY]: `${overlay}  - ../../base/backup-system\n`,
      'kubernetes/apps/base/backup-system/kustomization.yaml':
        'resources:\n  - namespace.yaml\n  - velero/ks.yaml\n',
      'kubernetes/apps/base/backup-system/namespace.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: velero\n',
      'kubernetes/apps/base/backup-system/velero/app/helmrelease.yaml':
        '# hand-tuned\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: velero\n  namespace: velero\nspec:\n  interval: 1h\n  chartRef: { kind: OCIRepository, name: velero }\n',
      'kubernetes/apps/base/backup-system/velero/ks.yaml':
        'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: velero-schedules\n  namespace: flux-system\nspec:\n  interval: 30m\n  path: ./kubernetes/apps/base/backup-system/velero/schedules\n  prune: true\n  sourceRef: { kind: GitRepository, name: flux-system }\n',
      'kubernetes/apps/base/backup-system/velero/schedules/kustomization.yaml':
        '# schedules\nresources:\n  - crm-backup.yaml\n',
      'kubernetes/apps/base/backup-system/velero/schedules/crm-backup.yaml':
        'apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: crm-daily\n  namespace: velero\nspec:\n  schedule: 0 2 * * *\n  template: {}\n',
    };
    const { files, output } = await dryRun(existing);
    const changed = Object.keys(files).filter(p => files[p] !== existing[p]);
    expect(changed.sort()).toEqual([
      'kubernetes/apps/base/backup-system/velero/schedules/kustomization.yaml',
      'kubernetes/apps/base/backup-system/velero/schedules/odoo-backup.yaml',
    ]);
    expect(
      files[
        'kubernetes/apps/base/backup-system/velero/schedules/kustomization.yaml'
      ],
    ).toBe(
      '# schedules\nresources:\n  - crm-backup.yaml\n  - odoo-backup.yaml\n',
    );
    expect(output.text[0].content).toMatch(/Velero is already deployed here/);
  });

  it.each(['main..evil', 'main branch', '-main', 'x.lock'])(
    'refuses the base branch %p before reading the repository',
    async branch => {
      const { response, read } = await postDryRun({}, { ...values, branch });
      expect(response.status).toBe(400);
      expect(response.body.errors).toMatchObject([{ path: ['branch'] }]);
      expect(read).toEqual([]);
    },
  );
});
