import { evaluateClusterSnapshot } from './evaluateClusterSnapshot';
import {
  healthySnapshot,
  options,
  seedSection31Snapshot,
} from './__fixtures__/healthySnapshot';

function coverage(snapshot = healthySnapshot()) {
  return evaluateClusterSnapshot(snapshot, options).coverage;
}

describe('computeCoverage', () => {
  it('lists the tiers that really cover each PVC, and how Velero holds it', () => {
    const rows = coverage();
    const filestore = rows.find(c => c.pvc === 'odoo-filestore')!;
    expect(filestore.coveredBy).toEqual([
      { kind: 'volsync', name: 'odoo-filestore' },
      { kind: 'velero', name: 'odoo-daily' },
    ]);
    expect(filestore.via).toEqual([{ name: 'odoo-daily', reason: 'labels' }]);
    expect(rows.find(c => c.pvc === 'odoo-pg-1')?.coveredBy).toEqual([
      { kind: 'cnpg', name: 'odoo-pg' },
      { kind: 'velero', name: 'odoo-daily' },
    ]);
  });

  it('seed §3.1: an unlabelled filestore is still held through the labelled pod; unlabelled CNPG PVCs get the fix', () => {
    const snapshot = seedSection31Snapshot();
    const rows = coverage(snapshot);
    const filestore = rows.find(c => c.pvc === 'odoo-filestore')!;
    expect(filestore.via).toEqual([
      { name: 'odoo-daily', reason: 'pod', pod: 'odoo-7d9f8b6c5d-x2k8p' },
    ]);
    expect(filestore.hints).toBeUndefined();
    const pg = rows.find(c => c.pvc === 'odoo-pg-2')!;
    expect(pg.coveredBy).toEqual([{ kind: 'cnpg', name: 'odoo-pg' }]);
    expect(pg.hints![0]).toBe(
      'add label `app.kubernetes.io/name=odoo` to CNPG cluster `odoo-pg` through spec.inheritedMetadata.labels (it reaches PVC `odoo-pg-2` and its pods), or remove the labelSelector of schedule `odoo-daily`',
    );
  });

  it('marks PVCs Velero skips by label, and says unknown when pods are unreadable', () => {
    const snapshot = healthySnapshot();
    snapshot.pvcs![1].labels['velero.io/exclude-from-backup'] = 'true';
    snapshot.pvcs![0].labels = {};
    snapshot.pods = undefined;
    snapshot.unread = ['pods'];
    const rows = coverage(snapshot);
    expect(rows.find(c => c.pvc === 'odoo-pg-1')).toMatchObject({
      excludedFromVelero: true,
      coveredBy: [{ kind: 'cnpg', name: 'odoo-pg' }],
    });
    expect(rows.find(c => c.pvc === 'odoo-filestore')!.unknown).toMatch(
      /pods that may mount it could not be read/,
    );
  });

  it('flags a PVC that nothing covers', () => {
    const snapshot = healthySnapshot();
    snapshot.velero = undefined;
    snapshot.pvcs!.push({
      name: 'scratch',
      namespace: 'business-system',
      labels: {},
    });
    const scratch = coverage(snapshot).find(c => c.pvc === 'scratch')!;
    expect(scratch.coveredBy).toEqual([]);
    expect(scratch.hints![0]).toMatch(/no backup tier covers PVC `scratch`/);
  });
});
