import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { parseLabelSelector } from '@internal/plugin-backups-common';
import { setupServer } from 'msw/node';
import {
  fakeCluster,
  fakeClusterState,
  item,
  target,
} from './__testUtils__/fakeCluster';
import { readFlux } from './readFlux';

const server = setupServer();
const ready = (status: string, reason: string) => ({
  conditions: [{ type: 'Ready', status, reason, message: `${reason} message` }],
});
const options = { veleroNamespace: 'velero' };

const lists = {
  '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations': [
    item('velero', 'flux-system', {
      spec: {
        targetNamespace: 'velero',
        path: './kubernetes/apps/base/backup-system/velero/app',
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
      status: {
        lastAppliedRevision: 'main@sha1:abc',
        ...ready('True', 'ReconciliationSucceeded'),
      },
    }),
    item('odoo', 'flux-system', {
      spec: {
        targetNamespace: 'business-system',
        suspend: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
      status: ready('True', 'ReconciliationSucceeded'),
    }),
    item('crm', 'flux-system', { spec: { targetNamespace: 'crm' } }),
  ],
  '/apis/helm.toolkit.fluxcd.io/v2/helmreleases': [
    item('velero', 'velero', {
      spec: { chartRef: { kind: 'OCIRepository', name: 'velero' } },
      status: {
        history: [
          {
            chartName: 'velero',
            chartVersion: '8.2.0',
            appVersion: '1.15.0',
            status: 'failed',
          },
          { chartName: 'velero', chartVersion: '8.1.0', status: 'deployed' },
        ],
        ...ready('False', 'UpgradeFailed'),
      },
    }),
    item(
      'odoo',
      'business-system',
      { status: ready('True', 'UpgradeSucceeded') },
      { 'app.kubernetes.io/name': 'odoo' },
    ),
    // Named like the app, living in flux-system, deploying into the namespace.
    item('odoo-redis', 'flux-system', {
      spec: { targetNamespace: 'business-system' },
    }),
    item('crm', 'crm', {}),
  ],
  '/apis/source.toolkit.fluxcd.io/v1/ocirepositories': [
    item('velero', 'velero', {
      status: {
        artifact: { revision: '8.2.0@sha256:1234' },
        ...ready('True', 'Succeeded'),
      },
    }),
    item('unrelated', 'crm', {}),
  ],
  '/apis/source.toolkit.fluxcd.io/v1/gitrepositories': [
    item('flux-system', 'flux-system', {
      status: {
        artifact: { revision: 'main@sha1:abc' },
        ...ready('True', 'Succeeded'),
      },
    }),
  ],
  '/apis/external-secrets.io/v1/namespaces/velero/externalsecrets': [
    item('velero-gcs', 'velero', {
      spec: { target: { name: 'velero-gcs' } },
      status: {
        refreshTime: '2026-11-24T07:00:00Z',
        ...ready('False', 'SecretSyncedError'),
      },
    }),
  ],
};

const summary = (objects: any[]) =>
  objects.map(o => [o.kind, o.namespace, o.name, o.role]);

describe('readFlux', () => {
  registerMswTestHooks(server);

  it('finds what deploys Velero and the app, with revisions from the right fields', async () => {
    server.use(fakeCluster(lists).handler);
    const { section, errors } = await readFlux(
      fakeClusterState(),
      target,
      options,
    );
    expect(errors).toEqual([]);
    expect(
      section!.objects.map(o => [
        o.kind,
        o.name,
        o.role,
        o.revision,
        o.suspended,
        o.ready?.status,
      ]),
    ).toEqual([
      ['Kustomization', 'velero', 'velero', 'main@sha1:abc', false, 'True'],
      // HelmRelease v2 has no lastAppliedRevision: the revision is history[0].
      [
        'HelmRelease',
        'velero',
        'velero',
        'velero@8.2.0 (1.15.0)',
        false,
        'False',
      ],
      ['OCIRepository', 'velero', 'velero', '8.2.0@sha256:1234', false, 'True'],
      [
        'GitRepository',
        'flux-system',
        'velero',
        'main@sha1:abc',
        false,
        'True',
      ],
      ['Kustomization', 'odoo', 'app', undefined, true, 'True'],
      ['HelmRelease', 'odoo', 'app', undefined, false, 'True'],
    ]);
  });

  it('reports an ExternalSecret that does not sync', async () => {
    server.use(fakeCluster(lists).handler);
    const { section } = await readFlux(fakeClusterState(), target, options);
    expect(section!.externalSecrets).toEqual([
      {
        name: 'velero-gcs',
        namespace: 'velero',
        targetSecret: 'velero-gcs',
        refreshTime: '2026-11-24T07:00:00Z',
        ready: {
          status: 'False',
          reason: 'SecretSyncedError',
          message: 'SecretSyncedError message',
        },
      },
    ]);
  });

  it('finds app HelmReleases by name when their labels do not match', async () => {
    server.use(fakeCluster(lists).handler);
    const { section } = await readFlux(
      fakeClusterState(),
      {
        ...target,
        labelSelector: parseLabelSelector(
          'backstage.io/kubernetes-id=odoo-redis',
        ),
      },
      options,
    );
    expect(summary(section!.objects.filter(o => o.role === 'app'))).toEqual([
      ['Kustomization', 'flux-system', 'odoo', 'app'],
      ['HelmRelease', 'flux-system', 'odoo-redis', 'app'],
    ]);
  });

  it('uses exactly the pinned objects for the app', async () => {
    server.use(fakeCluster(lists).handler);
    const { section } = await readFlux(
      fakeClusterState(),
      {
        ...target,
        pinned: {
          fluxObjects: [
            { kind: 'HelmRelease', namespace: 'crm', name: 'crm' },
            { kind: 'OCIRepository', namespace: 'crm', name: 'unrelated' },
          ],
        },
      },
      options,
    );
    expect(summary(section!.objects.filter(o => o.role === 'app'))).toEqual([
      ['HelmRelease', 'crm', 'crm', 'app'],
      ['OCIRepository', 'crm', 'unrelated', 'app'],
    ]);
  });

  it('keeps the ExternalSecrets when Flux is not installed', async () => {
    server.use(
      fakeCluster({
        '/apis/external-secrets.io/v1/namespaces/velero/externalsecrets':
          lists[
            '/apis/external-secrets.io/v1/namespaces/velero/externalsecrets'
          ],
      }).handler,
    );
    const { section, errors } = await readFlux(
      fakeClusterState(),
      target,
      options,
    );
    expect(section!.objects).toEqual([]);
    expect(section!.externalSecrets).toHaveLength(1);
    expect(errors.map(e => [e.source, e.reason])).toEqual([
      ['flux', 'NotInstalled'],
      ['flux', 'NotInstalled'],
      ['flux', 'NotInstalled'],
      ['flux', 'NotInstalled'],
    ]);
    expect(errors[1].message).toMatch(/Flux helm-controller is not installed/);
  });

  it('never lists Secrets', async () => {
    const fake = fakeCluster(lists);
    server.use(fake.handler);
    await readFlux(fakeClusterState(), target, options);
    expect(fake.requests.some(r => r.pathname.includes('/secrets'))).toBe(
      false,
    );
  });
});
