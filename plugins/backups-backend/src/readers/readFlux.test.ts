import { registerMswTestHooks } from '@backstage/backend-test-utils';
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

const lists = {
  '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations': [
    item('velero', 'flux-system', {
      spec: {
        targetNamespace: 'velero',
        path: './kubernetes/apps/base/backup-system/velero/app',
      },
      status: {
        lastAppliedRevision: 'main@sha1:abc',
        ...ready('True', 'ReconciliationSucceeded'),
      },
    }),
    item('odoo', 'flux-system', {
      spec: { targetNamespace: 'business-system', suspend: true },
      status: ready('True', 'ReconciliationSucceeded'),
    }),
    item('crm', 'flux-system', { spec: { targetNamespace: 'crm' } }),
  ],
  '/apis/helm.toolkit.fluxcd.io/v2/namespaces/velero/helmreleases': [
    item('velero', 'velero', {
      status: {
        history: [
          {
            chartName: 'velero',
            chartVersion: '8.2.0',
            appVersion: '1.15.0',
            status: 'failed',
          },
        ],
        ...ready('False', 'UpgradeFailed'),
      },
    }),
  ],
  '/apis/helm.toolkit.fluxcd.io/v2/namespaces/business-system/helmreleases': [
    item(
      'odoo',
      'business-system',
      { status: ready('True', 'UpgradeSucceeded') },
      { 'app.kubernetes.io/name': 'odoo' },
    ),
  ],
  '/apis/source.toolkit.fluxcd.io/v1/namespaces/velero/ocirepositories': [
    item('velero', 'velero', {
      status: {
        artifact: { revision: '8.2.0@sha256:1234' },
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

describe('readFlux', () => {
  registerMswTestHooks(server);

  it('finds what deploys Velero and the app, with revisions from the right fields', async () => {
    server.use(fakeCluster(lists).handler);
    const { section, errors } = await readFlux(fakeClusterState(), target, {
      veleroNamespace: 'velero',
    });
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
        'velero@8.2.0 (app 1.15.0, failed)',
        false,
        'False',
      ],
      ['OCIRepository', 'velero', 'velero', '8.2.0@sha256:1234', false, 'True'],
      ['Kustomization', 'odoo', 'app', undefined, true, 'True'],
      ['HelmRelease', 'odoo', 'app', undefined, false, 'True'],
    ]);
    expect(section!.externalSecrets).toEqual([
      expect.objectContaining({
        name: 'velero-gcs',
        targetSecret: 'velero-gcs',
        ready: expect.objectContaining({
          status: 'False',
          reason: 'SecretSyncedError',
        }),
      }),
    ]);
  });

  it('never lists Secrets', async () => {
    const fake = fakeCluster(lists);
    server.use(fake.handler);
    await readFlux(fakeClusterState(), target, { veleroNamespace: 'velero' });
    expect(fake.requests.some(r => r.pathname.includes('/secrets'))).toBe(
      false,
    );
  });
});
