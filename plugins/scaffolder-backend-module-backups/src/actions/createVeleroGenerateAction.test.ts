import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { createVeleroGenerateAction } from './createVeleroGenerateAction';

const OVERLAY = 'kubernetes/apps/overlays/cluster-00/kustomization.yaml';
const overlay = `# cluster-00: everything this cluster runs
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  # networking first
  - ../../base/networking
  - ../../base/business-system
`;

const PVC_YAML =
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: odoo-filestore\n';
const HELMRELEASE_YAML =
  'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: odoo\n';

const ODOO_APP = 'kubernetes/apps/base/business-system/odoo/app';

/** The seed's app layout: a kustomization listing the given manifests. */
function odooApp(manifests: Record<string, string>, header = '') {
  const files = Object.keys(manifests);
  return {
    [`${ODOO_APP}/kustomization.yaml`]: `${header}resources:\n${files
      .map(f => `  - ${f}\n`)
      .join('')}`,
    ...Object.fromEntries(files.map(f => [`${ODOO_APP}/${f}`, manifests[f]])),
  };
}

describe('backups:velero:generate', () => {
  const workspace = createMockDirectory();
  const action = createVeleroGenerateAction();
  const odoo = {
    appName: 'odoo',
    namespace: 'business-system',
    labelSelector: 'app.kubernetes.io/name=odoo',
  };

  beforeEach(() => workspace.setContent({ [OVERLAY]: overlay }));

  async function run(
    input: Record<string, unknown>,
    options: { isDryRun?: boolean } = {},
  ) {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
      ...options,
    });
    await action.handler(ctx);
    return ctx;
  }

  it('writes the Velero directory and wires the overlay, keeping its comments and order', async () => {
    const ctx = await run(odoo);
    expect(ctx.output).toHaveBeenCalledWith('createdVelero', true);
    const content = workspace.content() as any;
    expect(
      Object.keys(
        content.kubernetes.apps.base['backup-system'].velero.app,
      ).sort(),
    ).toEqual([
      'externalsecret.yaml',
      'helmrelease.yaml',
      'kustomization.yaml',
      'ocirepository.yaml',
    ]);
    expect(
      content.kubernetes.apps.overlays['cluster-00']['kustomization.yaml'],
    ).toBe(
      overlay.replace(
        '  - ../../base/business-system\n',
        '  - ../../base/business-system\n  - ../../base/backup-system\n',
      ),
    );
  });

  it('changes nothing when run twice', async () => {
    await run(odoo);
    const before = JSON.stringify(workspace.content());
    const ctx = await run(odoo);
    expect(JSON.stringify(workspace.content())).toBe(before);
    expect(ctx.output).toHaveBeenCalledWith('files', []);
  });

  it('adds only the schedule and its wiring when Velero is there, leaving existing files untouched', async () => {
    await run(odoo);
    const helmRelease = workspace.content({
      path: 'kubernetes/apps/base/backup-system/velero/app',
    }) as any;
    const ctx = await run({
      appName: 'crm',
      namespace: 'crm',
      schedule: '0 */6 * * *',
      ttl: '72h',
    });
    expect(ctx.output).toHaveBeenCalledWith('createdVelero', false);
    expect(ctx.output).toHaveBeenCalledWith('files', [
      'kubernetes/apps/base/backup-system/velero/schedules/crm-backup.yaml',
      'kubernetes/apps/base/backup-system/velero/schedules/kustomization.yaml',
    ]);
    expect(
      workspace.content({
        path: 'kubernetes/apps/base/backup-system/velero/app',
      }),
    ).toEqual(helmRelease);
    const schedules = workspace.content({
      path: 'kubernetes/apps/base/backup-system/velero/schedules',
    }) as any;
    expect(schedules['kustomization.yaml']).toMatch(
      /- odoo-backup.yaml\n\s+- crm-backup.yaml/,
    );
  });

  it('refuses to replace a file that differs, unless overwrite is set', async () => {
    await run(odoo);
    const path =
      'kubernetes/apps/base/backup-system/velero/schedules/odoo-backup.yaml';
    workspace.addContent({ [path]: 'hand-edited: true\n' });
    await expect(run({ ...odoo, schedule: '0 4 * * *' })).rejects.toThrow(
      /exist with different content: .*odoo-backup.yaml/,
    );
    expect(
      workspace.content({
        path: 'kubernetes/apps/base/backup-system/velero/schedules',
      }),
    ).toMatchObject({ 'odoo-backup.yaml': 'hand-edited: true\n' });
    await run({ ...odoo, schedule: '0 4 * * *', overwrite: true });
    expect(
      (
        workspace.content({
          path: 'kubernetes/apps/base/backup-system/velero/schedules',
        }) as any
      )['odoo-backup.yaml'],
    ).toMatch(/schedule: 0 4 \* \* \*/);
  });

  const untouched = {
    kubernetes: {
      apps: { overlays: { 'cluster-00': { 'kustomization.yaml': overlay } } },
    },
  };

  it.each([
    [{ schedule: '0 3 * *' }, /schedule: "0 3 \* \*": expected 5 fields/],
    [{ schedule: '0 0 3 * * *' }, /schedule: .*expected 5 fields .*found 6/],
    [{ schedule: '0 25 * * *' }, /schedule: .*outside 0-23 in the hour field/],
    [
      { schedule: '0 3 * * 7' },
      /schedule: "0 3 \* \* 7": "7" is outside 0-6 in the day of week field/,
    ],
    [{ schedule: '0 0 30 2 *' }, /schedule: "0 0 30 2 \*": never runs/],
    [{ schedule: 'CRON_TZ=Mars/Olympus 0 3 * * *' }, /unknown time zone/],
    [{ ttl: '7 days' }, /ttl: "7 days": is not a Go duration/],
    [{ ttl: '7d' }, /ttl: "7d": is not a Go duration/],
    [{ ttl: '-1h' }, /ttl: "-1h": must not be negative/],
    [{ appName: 'Odoo_App' }, /appName: must be a DNS-1123 label/],
    [{ appName: '' }, /appName: must not be empty/],
    [{ namespace: '' }, /namespace: must not be empty/],
    [
      { labelSelector: 'app in (odoo' },
      /labelSelector: "app in \(odoo": expected ',' or '\)'/,
    ],
    [
      { labelSelector: 'replicas>2' },
      /labelSelector: "replicas>2": > and < .*have no Gt or Lt operator/,
    ],
    [
      { labelSelector: 'app=odoo,app=crm' },
      /labelSelector: .*"app" must equal both "odoo" and "crm"/,
    ],
    [{ labelSelector: ' ' }, /labelSelector: " ": has no requirement/],
    [{ bucket: 'Bad_Bucket' }, /bucket: must be a bucket name/],
    [
      { bucket: 'google-velero' },
      /bucket: "google-velero": is not a valid GCS bucket name/,
    ],
    [
      { basePath: '../elsewhere' },
      /basePath: "..\/elsewhere": has a '..' segment/,
    ],
  ])('rejects %p before writing anything', async (bad, message) => {
    await expect(run({ ...odoo, ...bad })).rejects.toThrow(message);
    expect(workspace.content()).toEqual(untouched);
  });

  it('names every bad field in one InputError', async () => {
    const error = await run({
      ...odoo,
      namespace: '',
      schedule: '0 3 * * 7',
      ttl: '7d',
      labelSelector: 'tier<3',
    }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    for (const field of ['namespace', 'schedule', 'ttl', 'labelSelector'])
      expect(error.message).toContain(`${field}: `);
    expect(workspace.content()).toEqual(untouched);
  });

  it('requires a non-empty appName and namespace in its input schema', () => {
    const schema = action.schema?.input as any;
    expect(schema.required).toEqual(
      expect.arrayContaining(['appName', 'namespace']),
    );
    expect(schema.properties.appName.minLength).toBe(1);
    expect(schema.properties.namespace.minLength).toBe(1);
  });

  it.each([
    'CRON_TZ=Europe/Paris 0 3 * * *',
    '@daily',
    '0 3 ? * MON',
    '@every 6h',
    '0 3 * JAN-JUN SUN',
  ])('accepts the schedule %p, as Velero (robfig/cron v3) does', async cron => {
    await run({ ...odoo, schedule: cron });
    const schedules = workspace.content({
      path: 'kubernetes/apps/base/backup-system/velero/schedules',
    }) as Record<string, string>;
    expect(parse(schedules['odoo-backup.yaml']).spec.schedule).toBe(cron);
  });

  it('accepts Go durations for the ttl', async () => {
    await run({ ...odoo, ttl: '72h30m' });
    const schedules = workspace.content({
      path: 'kubernetes/apps/base/backup-system/velero/schedules',
    }) as Record<string, string>;
    expect(parse(schedules['odoo-backup.yaml']).spec.template.ttl).toBe(
      '72h30m',
    );
  });

  it('writes a set-based selector as matchExpressions, and leaves its labels to the pull request', async () => {
    const ctx = await run({
      ...odoo,
      labelSelector:
        'app.kubernetes.io/name=odoo,tier in (web,db),env notin (dev),backup,!legacy',
    });
    const schedules = workspace.content({
      path: 'kubernetes/apps/base/backup-system/velero/schedules',
    }) as Record<string, string>;
    expect(
      parse(schedules['odoo-backup.yaml']).spec.template.labelSelector,
    ).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'odoo' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'db'] },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'backup', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(outputs.labels).toEqual({ 'app.kubernetes.io/name': 'odoo' });
    expect(outputs.pullRequestBody).toMatch(
      /The selector also requires `tier in \(web,db\)`, `backup`: .*by hand/,
    );
  });

  it('takes defaults from config before the seed', async () => {
    const configured = createVeleroGenerateAction({
      config: new ConfigReader({
        backups: {
          scaffolder: { velero: { bucket: 'acme-velero', ttl: '720h' } },
        },
      }),
    });
    const ctx = createMockActionContext({
      input: odoo as any,
      workspacePath: workspace.path,
    });
    await configured.handler(ctx);
    const app = workspace.content({
      path: 'kubernetes/apps/base/backup-system/velero',
    }) as any;
    expect(app.app['helmrelease.yaml']).toMatch(/bucket: acme-velero/);
    expect(app.schedules['odoo-backup.yaml']).toMatch(/ttl: 720h/);
    expect(app.schedules['odoo-backup.yaml']).toMatch(/schedule: 0 3 \* \* \*/);
  });

  it("lints a tree written by the seed's runbook", async () => {
    workspace.setContent({
      'kubernetes/apps/base/backup-system/namespace.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: velero\n',
      'kubernetes/apps/base/backup-system/velero/app/ocirepository.yaml':
        'apiVersion: source.toolkit.fluxcd.io/v1beta2\nkind: OCIRepository\nmetadata:\n  name: velero\n',
      'kubernetes/apps/base/backup-system/velero/app/helmrelease.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: velero
spec:
  values:
    image: { tag: v1.15.0 }
    initContainers:
      - name: velero-plugin-for-csi
        image: velero/velero-plugin-for-csi:v0.8.0
    nodeAgent:
      privileged: true
`,
      'kubernetes/apps/base/backup-system/velero/ks.yaml':
        'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: velero\nspec:\n  path: ./apps/base/backup-system/velero/app\n',
      'kubernetes/apps/base/backup-system/velero/schedules/odoo-backup.yaml':
        'apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: odoo-daily\n',
      'kubernetes/apps/base/business-system/odoo/app/postgres-cluster.yaml':
        'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: odoo-pg\nspec:\n  podTemplate:\n    metadata:\n      labels: { app.kubernetes.io/name: odoo }\n',
    });
    const before = workspace.content();
    const ctx = await run({ ...odoo, lintOnly: true });
    expect(workspace.content()).toEqual(before);
    const warnings: string[] = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'warnings',
    )[1];
    expect(warnings.join('\n')).toMatch(/v1beta2 is no longer served/);
    expect(warnings.join('\n')).toMatch(
      /remove the velero-plugin-for-csi init container/,
    );
    expect(warnings.join('\n')).toMatch(/nodeAgent.privileged does not exist/);
    expect(warnings.join('\n')).toMatch(/CNPG has no spec.podTemplate/);
    expect(warnings.join('\n')).toMatch(
      /path .\/apps\/base\/backup-system\/velero\/app does not exist relative to the Flux source root/,
    );
    expect(warnings.join('\n')).toMatch(
      /no Flux Kustomization applies the schedules/,
    );
    expect(warnings.join('\n')).toMatch(
      /namespace.yaml: referenced by no kustomization.yaml/,
    );
    expect(warnings).toHaveLength(7);
  });

  it('gives the labels and hooks for the pull request', async () => {
    const ctx = await run({ ...odoo, cnpgCluster: 'odoo-pg' });
    const body: string = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'pullRequestBody',
    )[1];
    expect(body).toMatch(/app.kubernetes.io\/name: odoo/);
    expect(body).toMatch(/inheritedMetadata/);
    expect(body).toMatch(/pre.hook.backup.velero.io\/container: odoo/);
  });

  it("patches labels and hooks into the app's kustomization when the seed layout is there, once", async () => {
    const app = ODOO_APP;
    workspace.addContent(
      odooApp(
        {
          'pvc.yaml': PVC_YAML,
          'postgres-cluster.yaml':
            'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: odoo-pg\nspec:\n  instances: 3\n',
          'helmrelease.yaml': HELMRELEASE_YAML,
        },
        '# odoo\n',
      ),
    );
    const ctx = await run(odoo);
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(outputs.appPatches).toEqual([
      'selector label on every PVC',
      'selector label on CNPG cluster odoo-pg (spec.inheritedMetadata)',
      'hook annotations in HelmRelease odoo values.podAnnotations',
    ]);
    const written = workspace.content({ path: app }) as Record<string, string>;
    expect(parse(written['kustomization.yaml']).patches).toEqual([
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
    expect(written['kustomization.yaml'].startsWith('# odoo\n')).toBe(true);
    expect(parse(written['velero-backup-cnpg-labels.yaml']).spec).toEqual({
      inheritedMetadata: { labels: { 'app.kubernetes.io/name': 'odoo' } },
    });
    expect(
      parse(written['velero-backup-hooks.yaml']).spec.values.podAnnotations[
        'pre.hook.backup.velero.io/container'
      ],
    ).toBe('odoo');
    expect(outputs.pullRequestBody).toMatch(
      /Written into the app's kustomization/,
    );

    const before = JSON.stringify(workspace.content());
    await run(odoo);
    expect(JSON.stringify(workspace.content())).toBe(before);
  });

  it('writes no label patch for a selector without key=value terms, only the hooks', async () => {
    workspace.addContent(
      odooApp({ 'pvc.yaml': PVC_YAML, 'helmrelease.yaml': HELMRELEASE_YAML }),
    );
    const ctx = await run({ ...odoo, labelSelector: 'tier in (web,db)' });
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(outputs.appPatches).toEqual([
      'hook annotations in HelmRelease odoo values.podAnnotations',
    ]);
    expect(outputs.labels).toEqual({});
    expect(outputs.pullRequestBody).not.toMatch(/PersistentVolumeClaims:/);
    expect(outputs.pullRequestBody).toMatch(/`tier in \(web,db\)`/);
  });

  it('leaves the app alone and only reports labels and hooks when its layout is unknown', async () => {
    const ctx = await run(odoo);
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(outputs.appPatches).toEqual([]);
    expect(
      outputs.files.some((f: string) => f.includes('business-system')),
    ).toBe(false);
  });

  it('writes the files on a resumed task, whose checkpoints return cached results', async () => {
    // A resumed task replays the checkpoints it already passed: fn never runs again.
    const checkpoint = jest.fn(async () => ({ written: true }));
    const ctx = {
      ...createMockActionContext({
        input: odoo as any,
        workspacePath: workspace.path,
      }),
      checkpoint: checkpoint as any,
    };
    await action.handler(ctx);
    const schedules = workspace.content({
      path: 'kubernetes/apps/base/backup-system/velero/schedules',
    }) as Record<string, string>;
    expect(Object.keys(schedules).sort()).toEqual([
      'kustomization.yaml',
      'odoo-backup.yaml',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      expect.arrayContaining([
        'kubernetes/apps/base/backup-system/velero/schedules/odoo-backup.yaml',
      ]),
    );
  });

  it('validates config defaults too, naming the field they fill', async () => {
    const configured = createVeleroGenerateAction({
      config: new ConfigReader({
        backups: {
          scaffolder: {
            velero: {
              overlayKustomization: '.github/workflows/ci.yml',
              ttl: '7d',
            },
          },
        },
      }),
    });
    const ctx = createMockActionContext({
      input: odoo as any,
      workspacePath: workspace.path,
    });
    const error = await configured.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/overlayKustomization: .*kustomization.yaml/);
    expect(error.message).toMatch(/ttl: "7d"/);
    expect(workspace.content()).toEqual(untouched);
  });

  it('gives the pull request branch, backups/velero-<appName> unless given', async () => {
    const ctx = await run(odoo);
    expect(ctx.output).toHaveBeenCalledWith(
      'branchName',
      'backups/velero-odoo',
    );
    const named = await run({ ...odoo, branchName: 'velero/odoo' });
    expect(named.output).toHaveBeenCalledWith('branchName', 'velero/odoo');
  });

  it('refuses an input it does not know, such as a source URL', async () => {
    await expect(
      run({ ...odoo, gitopsSourceUrl: 'https://evil.example.com/repo' }),
    ).rejects.toThrow(/Unrecognized key.*gitopsSourceUrl/);
    expect((action.schema?.input as any).additionalProperties).toBe(false);
  });
});
