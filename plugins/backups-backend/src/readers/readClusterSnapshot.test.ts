import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { createKubeConfig } from '../cluster/createKubeConfig';
import { ListingClusterState } from '../cluster/ListingClusterState';
import {
  CLUSTER_URL,
  fakeCluster,
  fakeClusterState,
  item,
  target,
} from './__testUtils__/fakeCluster';
import { readClusterSnapshot } from './readClusterSnapshot';

const server = setupServer();
const options = {
  velero: {
    namespace: 'velero',
    deploymentName: 'velero',
    nodeAgentName: 'node-agent',
  },
};

// A cluster with CNPG, VolSync and PVCs, but without Velero or Flux.
const lists = {
  '/apis/postgresql.cnpg.io/v1/namespaces/business-system/clusters': [
    item('odoo-pg', 'business-system', { status: { readyInstances: 3 } }),
  ],
  '/apis/postgresql.cnpg.io/v1/namespaces/business-system/backups': [],
  '/apis/postgresql.cnpg.io/v1/namespaces/business-system/scheduledbackups': [],
  '/apis/volsync.backube/v1alpha1/namespaces/business-system/replicationsources':
    [item('odoo-filestore', 'business-system', { spec: { sourcePVC: 'x' } })],
  '/api/v1/namespaces/business-system/persistentvolumeclaims': [
    item(
      'odoo-filestore',
      'business-system',
      { spec: { volumeName: 'pv-1', storageClassName: 'ceph-block' } },
      { 'app.kubernetes.io/name': 'odoo' },
    ),
    item('pg-1', 'business-system', {}),
    item('pg-2', 'business-system', {}),
  ],
  '/apis/external-secrets.io/v1/namespaces/velero/externalsecrets': [],
  '/api/v1/namespaces/business-system/pods': [
    item('odoo-1', 'business-system', {
      spec: {
        volumes: [
          {
            name: 'filestore',
            persistentVolumeClaim: { claimName: 'odoo-filestore' },
          },
          { name: 'tmp', emptyDir: {} },
        ],
      },
    }),
  ],
  '/api/v1/namespaces': [
    item(
      'business-system',
      undefined,
      {},
      { 'kubernetes.io/metadata.name': 'business-system' },
    ),
  ],
  '/apis/storage.k8s.io/v1/storageclasses': [
    item('ceph-block', undefined, {
      provisioner: 'rook-ceph.rbd.csi.ceph.com',
    }),
  ],
};

describe('readClusterSnapshot', () => {
  registerMswTestHooks(server);

  it('reports a missing Velero as NotInstalled while the other sources still return data', async () => {
    server.use(fakeCluster(lists).handler);
    const snapshot = await readClusterSnapshot(
      fakeClusterState({ pageSize: 2 }),
      target,
      options,
    );
    expect(snapshot.velero).toBeUndefined();
    expect(snapshot.cnpg!.clusters.map(c => c.name)).toEqual(['odoo-pg']);
    expect(snapshot.volsync!.sources.map(s => s.name)).toEqual([
      'odoo-filestore',
    ]);
    expect(snapshot.pvcs).toEqual([
      {
        name: 'odoo-filestore',
        namespace: 'business-system',
        labels: { 'app.kubernetes.io/name': 'odoo' },
        volumeName: 'pv-1',
        storageClassName: 'ceph-block',
      },
      expect.objectContaining({ name: 'pg-1', labels: {} }),
      expect.objectContaining({ name: 'pg-2' }),
    ]);
    expect(snapshot.pods).toEqual([
      {
        name: 'odoo-1',
        labels: {},
        claimNames: ['odoo-filestore'],
        fsBackupClaims: [],
      },
    ]);
    expect(snapshot.namespaceLabels).toEqual({
      'kubernetes.io/metadata.name': 'business-system',
    });
    expect(snapshot.storageClasses).toEqual([
      { name: 'ceph-block', provisioner: 'rook-ceph.rbd.csi.ceph.com' },
    ]);
    // Flux is absent, so its lists count as unread: nothing is concluded from them.
    expect(snapshot.unread).toEqual(['flux']);
    expect(snapshot.flux!.objects).toEqual([]);
    expect(
      snapshot.errors.map(e => [e.source, e.reason, e.statusCode]),
    ).toEqual([
      ['velero', 'NotInstalled', 404],
      ['flux', 'NotInstalled', 404],
      ['flux', 'NotInstalled', 404],
      ['flux', 'NotInstalled', 404],
      ['flux', 'NotInstalled', 404],
    ]);
    expect(snapshot.errors[0].message).toBe(
      'Velero is not installed on cluster "fake" (velero.io/v1 schedules is not served)',
    );
  });

  it('reports rejected credentials as Unauthorized for every source', async () => {
    server.use(fakeCluster(lists).handler);
    const state = ListingClusterState.create({
      clusterName: 'fake',
      kubeConfig: createKubeConfig({
        name: 'fake',
        url: CLUSTER_URL,
        authMetadata: { serviceAccountToken: 'expired' },
      }),
    });
    const snapshot = await readClusterSnapshot(state, target, options);
    expect(snapshot.velero).toBeUndefined();
    expect(snapshot.cnpg).toBeUndefined();
    expect(snapshot.pvcs).toBeUndefined();
    expect(snapshot.unread).toEqual(
      expect.arrayContaining(['pvcs', 'pods', 'namespace', 'storageClasses']),
    );
    expect(new Set(snapshot.errors.map(e => e.reason))).toEqual(
      new Set(['Unauthorized']),
    );
    expect(snapshot.errors[0]).toMatchObject({ statusCode: 401 });
  });
});
