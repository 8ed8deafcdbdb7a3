import { KubeSimulator, type ScenarioName } from '@internal/kube-simulator';
import { parseLabelSelector } from '@internal/plugin-backups-common';
import { createKubeConfig } from '../cluster/createKubeConfig';
import { ListingClusterState } from '../cluster/ListingClusterState';
import { readClusterSnapshot } from './readClusterSnapshot';

const target = {
  cluster: 'sim',
  namespace: 'business-system',
  labelSelector: parseLabelSelector('app.kubernetes.io/name=odoo'),
  pinned: {},
};
const velero = {
  namespace: 'velero',
  deploymentName: 'velero',
  nodeAgentName: 'node-agent',
};

async function snapshotOf(scenario: ScenarioName) {
  const simulator = await KubeSimulator.start({ port: 0, scenario });
  try {
    const state = ListingClusterState.create({
      clusterName: 'sim',
      kubeConfig: createKubeConfig({
        name: 'sim',
        url: simulator.url,
        authMetadata: { serviceAccountToken: simulator.token },
        // The simulator speaks plain http, which client-node only allows so.
        skipTLSVerify: true,
      }),
      pageSize: 2,
    });
    return await readClusterSnapshot(state, target, { velero });
  } finally {
    await simulator.stop();
  }
}

describe('readClusterSnapshot against the simulator', () => {
  it('reads every source of the healthy scenario', async () => {
    const snapshot = await snapshotOf('healthy');
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.velero!.schedules.map(s => s.name)).toContain('odoo-daily');
    expect(
      snapshot.velero!.backups.some(
        b => b.schedule === 'odoo-daily' && b.phase === 'Completed',
      ),
    ).toBe(true);
    expect(snapshot.velero!.storageLocations[0].phase).toBe('Available');
    expect(snapshot.velero!.server?.volumeSnapshotClasses?.length).toBe(1);
    expect(snapshot.cnpg!.clusters).toEqual([
      expect.objectContaining({
        name: 'odoo-pg',
        recoveryWindowSource: 'objectStore',
        destinationPath: 'gs://hayden-odoo-backups/base',
      }),
    ]);
    expect(snapshot.volsync!.sources.map(s => s.name)).toEqual([
      'odoo-filestore',
    ]);
    expect(
      snapshot.flux!.objects.find(
        o => o.kind === 'HelmRelease' && o.role === 'velero',
      )?.revision,
    ).toMatch(/^velero@8\.2\.0/);
    expect(snapshot.pvcs!.map(p => p.name)).toContain('odoo-filestore');
    expect(snapshot.unread).toEqual([]);
    // What coverage needs beyond PVCs: pods and their mounts, the namespace, the drivers.
    expect(
      snapshot.pods!.find(p => p.claimNames.includes('odoo-filestore')),
    ).toMatchObject({
      fsBackupClaims: ['odoo-filestore'],
    });
    expect(snapshot.namespaceLabels).toMatchObject({
      'kubernetes.io/metadata.name': 'business-system',
    });
    expect(snapshot.storageClasses).toContainEqual({
      name: 'ceph-block',
      provisioner: 'rook-ceph.rbd.csi.ceph.com',
    });
  });

  it('reports Velero as not installed and still reads the rest', async () => {
    const snapshot = await snapshotOf('velero-missing');
    expect(snapshot.velero).toBeUndefined();
    expect(snapshot.errors).toContainEqual(
      expect.objectContaining({
        source: 'velero',
        reason: 'NotInstalled',
        statusCode: 404,
        message:
          'Velero is not installed on cluster "sim" (velero.io/v1 schedules is not served)',
      }),
    );
    expect(snapshot.errors.every(e => e.source !== 'cnpg')).toBe(true);
    expect(snapshot.cnpg!.clusters).toHaveLength(1);
    expect(snapshot.volsync!.sources).toHaveLength(1);
    expect(snapshot.pvcs!.length).toBeGreaterThan(0);
  });
});
