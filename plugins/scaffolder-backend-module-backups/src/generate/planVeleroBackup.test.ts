import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { validateManifest } from '@internal/crd-schemas';
import { resolveOptions } from '../actions/resolveOptions';
import { appChanges } from './appChanges';
import { planVeleroBackup } from './planVeleroBackup';

const odoo = resolveOptions(
  {
    appName: 'odoo',
    namespace: 'business-system',
    labelSelector: 'app.kubernetes.io/name=odoo',
    cnpgCluster: 'odoo-pg',
  },
  undefined,
);
const plan = planVeleroBackup(odoo, () => undefined);

function generated(path: string): any[] {
  const file = plan.files.find(f => f.path === `kubernetes/apps/base/${path}`);
  if (!file) throw new Error(`not generated: ${path}`);
  return parseAllDocuments(file.content).map(d => d.toJS());
}

function seed(path: string): any {
  return parse(
    readFileSync(
      resolve(__dirname, '../__fixtures__/seed', path.replace(/\//g, '__')),
      'utf8',
    ),
  );
}

describe('the generated Odoo GitOps equals the seed, apart from the documented fixes', () => {
  it('writes the whole seed §2 layout, plus the two kustomizations the seed lacks', () => {
    expect(plan.createdVelero).toBe(true);
    expect(plan.files.map(f => f.path)).toEqual([
      'kubernetes/apps/base/backup-system/namespace.yaml',
      'kubernetes/apps/base/backup-system/kustomization.yaml',
      'kubernetes/apps/base/backup-system/velero/app/externalsecret.yaml',
      'kubernetes/apps/base/backup-system/velero/app/ocirepository.yaml',
      'kubernetes/apps/base/backup-system/velero/app/helmrelease.yaml',
      'kubernetes/apps/base/backup-system/velero/app/kustomization.yaml',
      'kubernetes/apps/base/backup-system/velero/ks.yaml',
      'kubernetes/apps/base/backup-system/velero/schedules/odoo-backup.yaml',
      'kubernetes/apps/base/backup-system/velero/schedules/kustomization.yaml',
      'kubernetes/apps/overlays/cluster-00/kustomization.yaml',
    ]);
  });

  it.each([
    'backup-system/namespace.yaml',
    'backup-system/velero/app/externalsecret.yaml',
    'backup-system/velero/app/kustomization.yaml',
    'backup-system/velero/schedules/odoo-backup.yaml',
  ])("%s is the seed's, unchanged", path => {
    expect(generated(path)).toEqual([seed(path)]);
  });

  it('OCIRepository: source.toolkit.fluxcd.io/v1, since Flux removed v1beta2', () => {
    const expected = {
      ...seed('backup-system/velero/app/ocirepository.yaml'),
      apiVersion: 'source.toolkit.fluxcd.io/v1',
    };
    expect(generated('backup-system/velero/app/ocirepository.yaml')).toEqual([
      expected,
    ]);
  });

  it("HelmRelease: no CSI init container on Velero ≥ 1.14, and the node agent's privileged flag where chart 8.2.0 reads it", () => {
    const expected = seed('backup-system/velero/app/helmrelease.yaml');
    const values = expected.spec.values;
    values.initContainers = values.initContainers.filter(
      (c: any) => c.name !== 'velero-plugin-for-csi',
    );
    const { privileged, ...nodeAgent } = values.nodeAgent;
    values.nodeAgent = {
      ...nodeAgent,
      containerSecurityContext: { privileged },
    };
    expect(values.configuration.features).toBe('EnableCSI');
    expect(generated('backup-system/velero/app/helmrelease.yaml')).toEqual([
      expected,
    ]);
  });

  it('Flux Kustomizations: the path is relative to the source root, and the schedules get their own Kustomization', () => {
    const expected = seed('backup-system/velero/ks.yaml');
    expected.spec.path = './kubernetes/apps/base/backup-system/velero/app';
    const [velero, schedules] = generated('backup-system/velero/ks.yaml');
    expect(velero).toEqual(expected);
    expect(schedules).toEqual({
      ...expected,
      metadata: { name: 'velero-schedules', namespace: 'flux-system' },
      spec: {
        targetNamespace: 'velero',
        path: './kubernetes/apps/base/backup-system/velero/schedules',
        sourceRef: expected.spec.sourceRef,
        interval: '30m',
        prune: true,
        wait: true,
        dependsOn: [{ name: 'velero' }],
      },
    });
  });

  it('the namespace is referenced, and the overlay wires the backup system', () => {
    expect(generated('backup-system/kustomization.yaml')[0].resources).toEqual([
      'namespace.yaml',
      'velero/ks.yaml',
    ]);
    const overlay = plan.files.find(f =>
      f.path.endsWith('cluster-00/kustomization.yaml'),
    )!;
    expect(parse(overlay.content).resources).toEqual([
      '../../base/backup-system',
    ]);
  });

  it('Kustomization paths follow a Flux source rooted below the repository root', () => {
    const rooted = planVeleroBackup(
      { ...odoo, fluxSourceRoot: 'kubernetes' },
      () => undefined,
    );
    const ks = rooted.files.find(f => f.path.endsWith('ks.yaml'))!;
    expect(parseAllDocuments(ks.content).map(d => d.toJS().spec.path)).toEqual([
      './apps/base/backup-system/velero/app',
      './apps/base/backup-system/velero/schedules',
    ]);
  });

  it("labels and hooks: the seed's PVC labels and pod annotations; CNPG labels through inheritedMetadata", () => {
    const changes = appChanges(odoo);
    expect(parse(changes.pvcLabelPatch).metadata.labels).toEqual(
      seed('business-system/odoo/app/pvc.yaml').metadata.labels,
    );
    expect(changes.hookAnnotations).toEqual(
      seed('business-system/odoo/app/helmrelease.yaml').podAnnotations,
    );
    const seedCluster = seed('business-system/odoo/app/postgres-cluster.yaml');
    expect(parse(changes.cnpgLabelPatch!).spec).toEqual({
      inheritedMetadata: {
        labels: seedCluster.spec.podTemplate.metadata.labels,
      },
    });
  });

  it('every generated custom resource passes its upstream CRD schema', () => {
    const results = plan.files
      .filter(f => f.manifest)
      .flatMap(f =>
        parseAllDocuments(f.content).map(d => ({
          path: f.path,
          result: validateManifest(d.toJS()),
        })),
      );
    expect(results.filter(r => r.result.schemaFound).map(r => r.path)).toEqual([
      'kubernetes/apps/base/backup-system/velero/app/externalsecret.yaml',
      'kubernetes/apps/base/backup-system/velero/app/ocirepository.yaml',
      'kubernetes/apps/base/backup-system/velero/app/helmrelease.yaml',
      'kubernetes/apps/base/backup-system/velero/ks.yaml',
      'kubernetes/apps/base/backup-system/velero/ks.yaml',
      'kubernetes/apps/base/backup-system/velero/schedules/odoo-backup.yaml',
    ]);
    expect(
      results
        .filter(r => !r.result.valid)
        .map(r => `${r.path}: ${r.result.errors}`),
    ).toEqual([]);
    // The CNPG patch merged into the seed's cluster (instances 3) is a valid Cluster.
    const patch = parse(appChanges(odoo).cnpgLabelPatch!);
    expect(
      validateManifest({
        ...patch,
        spec: { instances: 3, storage: { size: '10Gi' }, ...patch.spec },
      }).errors,
    ).toEqual([]);
  });

  it('the seed itself fails those checks where it is wrong', () => {
    expect(
      validateManifest(seed('backup-system/velero/app/ocirepository.yaml'))
        .valid,
    ).toBe(false);
    const cluster = seed('business-system/odoo/app/postgres-cluster.yaml');
    expect(
      validateManifest({
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        metadata: { name: 'odoo-pg' },
        ...cluster,
      }).errors,
    ).toContain('spec.podTemplate: unknown field');
  });
});
