import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { schemasDir } from './crdInfos';
import {
  defaultSharedCrdsDir,
  loadSharedVolsyncSchemas,
} from './loadSharedVolsyncSchemas';
import { validateManifest, validateManifests } from './validateManifest';

// Seed §3.4, as written in the reference deployment.
const seedSchedule = {
  apiVersion: 'velero.io/v1',
  kind: 'Schedule',
  metadata: { name: 'odoo-daily', namespace: 'velero' },
  spec: {
    schedule: '0 3 * * *',
    template: {
      includedNamespaces: ['business-system'],
      includedResources: [
        'persistentvolumeclaims',
        'persistentvolumes',
        'pods',
        'deployments',
        'statefulsets',
        'configmaps',
        'secrets',
      ],
      labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'odoo' } },
      snapshotVolumes: true,
      storageLocation: 'gcs',
      volumeSnapshotLocations: ['csi-ceph-blockpool'],
      ttl: '168h',
      hooks: { resources: [] },
    },
    useOwnerReferencesInBackup: false,
  },
};

describe('validateManifest', () => {
  it('accepts the seed Schedule', () => {
    expect(validateManifest(seedSchedule)).toEqual({
      valid: true,
      schemaFound: true,
      errors: [],
    });
  });

  it('reports wrong types and unknown fields with their path', () => {
    const wrongTtl = {
      ...seedSchedule,
      spec: {
        ...seedSchedule.spec,
        template: { ...seedSchedule.spec.template, ttl: 7 },
      },
    };
    expect(validateManifest(wrongTtl).errors).toEqual([
      'spec.template.ttl: must be string',
    ]);
    const unknown = { ...seedSchedule, spec: { ...seedSchedule.spec, foo: 1 } };
    expect(validateManifest(unknown).errors).toEqual([
      'spec.foo: unknown field',
    ]);
  });

  it('knows CNPG has no spec.podTemplate but has spec.inheritedMetadata', () => {
    const cluster = (spec: object) => ({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: 'odoo-pg' },
      spec: { instances: 3, storage: { size: '10Gi' }, ...spec },
    });
    expect(
      validateManifest(
        cluster({ podTemplate: { metadata: { labels: { a: 'b' } } } }),
      ).errors,
    ).toEqual(['spec.podTemplate: unknown field']);
    expect(
      validateManifest(
        cluster({
          inheritedMetadata: { labels: { 'app.kubernetes.io/name': 'odoo' } },
        }),
      ).valid,
    ).toBe(true);
  });

  it('rejects versions Flux no longer serves', () => {
    const oci = {
      kind: 'OCIRepository',
      metadata: { name: 'velero' },
      spec: {
        interval: '12h',
        url: 'oci://ghcr.io/vmware-tanzu/helm-charts/velero',
        ref: { tag: '8.2.0' },
      },
    };
    expect(
      validateManifest({
        ...oci,
        apiVersion: 'source.toolkit.fluxcd.io/v1beta2',
      }),
    ).toEqual({
      valid: false,
      schemaFound: true,
      errors: [
        'source.toolkit.fluxcd.io/v1beta2 OCIRepository is not served (served: v1)',
      ],
    });
    expect(
      validateManifest({ ...oci, apiVersion: 'source.toolkit.fluxcd.io/v1' })
        .valid,
    ).toBe(true);
  });

  it('validates multi-document YAML: HelmRelease v2, Kustomization v1, ExternalSecret v1', () => {
    const results = validateManifests(`
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: { name: velero, namespace: velero }
spec:
  interval: 30m
  chartRef: { kind: OCIRepository, name: velero }
  values: { nodeAgent: { containerSecurityContext: { privileged: true } } }
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: { name: velero, namespace: flux-system }
spec:
  interval: 30m
  path: ./kubernetes/apps/base/backup-system/velero/app
  prune: true
  sourceRef: { kind: GitRepository, name: flux-system }
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata: { name: velero-gcs, namespace: velero }
spec:
  secretStoreRef: { kind: ClusterSecretStore, name: onepassword }
  target: { name: velero-gcs }
  dataFrom: [{ extract: { key: velero-gcs } }]
`);
    expect(results.map(r => [r.kind, r.valid, r.errors])).toEqual([
      ['HelmRelease', true, []],
      ['Kustomization', true, []],
      ['ExternalSecret', true, []],
    ]);
  });

  it('needs a name and knows unknown kinds', () => {
    expect(
      validateManifest({ ...seedSchedule, metadata: {} }).errors,
    ).toContain('metadata.name: required (or metadata.generateName)');
    expect(
      validateManifest({
        apiVersion: 'example.com/v1',
        kind: 'Thing',
        metadata: { name: 'x' },
      }).schemaFound,
    ).toBe(false);
  });
});

const shared = defaultSharedCrdsDir();
// The upstream files sit beside the repository in development and CI, not everywhere.
const describeWithShared = existsSync(shared) ? describe : describe.skip;

describeWithShared('against the upstream CRD files in ../shared/crds', () => {
  it('the committed compact schemas are what the derive script makes of them', () => {
    const out = mkdtempSync(join(tmpdir(), 'crd-schemas-'));
    execFileSync(process.execPath, [
      resolve(__dirname, '../scripts/derive-crd-schemas.js'),
      '--from',
      shared,
      '--to',
      out,
    ]);
    const committed = readdirSync(schemasDir)
      .filter(f => f.endsWith('.json'))
      .sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(out, file), 'utf8')).toBe(
        readFileSync(join(schemasDir, file), 'utf8'),
      );
    }
  });

  it('validates VolSync objects with schemas derived in memory', () => {
    expect(loadSharedVolsyncSchemas(shared)).toBe(true);
    const source = (retain: object) => ({
      apiVersion: 'volsync.backube/v1alpha1',
      kind: 'ReplicationSource',
      metadata: { name: 'odoo-filestore' },
      spec: {
        sourcePVC: 'odoo-filestore',
        trigger: { schedule: '0 4 * * *' },
        restic: { repository: 'odoo-filestore-restic', retain },
      },
    });
    expect(
      validateManifest(source({ daily: 7, weekly: 4, monthly: 3 })).errors,
    ).toEqual([]);
    expect(validateManifest(source({ daily: 'x' })).valid).toBe(false);
  });
});
