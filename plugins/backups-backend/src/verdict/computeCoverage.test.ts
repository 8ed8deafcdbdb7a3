import { computeCoverage } from './computeCoverage';
import { stripAppLabel, healthySnapshot } from './__fixtures__/healthySnapshot';

describe('computeCoverage', () => {
  it('lists the tiers that really cover each PVC', () => {
    const coverage = computeCoverage(healthySnapshot());
    expect(coverage.find(c => c.pvc === 'odoo-filestore')?.coveredBy).toEqual([
      { kind: 'volsync', name: 'odoo-filestore' },
      { kind: 'velero', name: 'odoo-daily' },
    ]);
    expect(coverage.find(c => c.pvc === 'odoo-pg-1')?.coveredBy).toEqual([
      { kind: 'cnpg', name: 'odoo-pg' },
      { kind: 'velero', name: 'odoo-daily' },
    ]);
  });

  it('catches the seed §3.1 selector that matches no PVC, with the fix', () => {
    const snapshot = healthySnapshot();
    snapshot.pvcs = snapshot.pvcs!.map(p => ({
      ...p,
      labels: stripAppLabel(p.labels),
    }));
    const coverage = computeCoverage(snapshot);
    const filestore = coverage.find(c => c.pvc === 'odoo-filestore')!;
    expect(filestore.coveredBy).toEqual([
      { kind: 'volsync', name: 'odoo-filestore' },
    ]);
    expect(filestore.hints).toEqual([
      'add label `app.kubernetes.io/name=odoo` to PVC `odoo-filestore`, or remove the labelSelector of schedule `odoo-daily`',
    ]);
    expect(coverage.find(c => c.pvc === 'odoo-pg-2')!.hints![0]).toMatch(
      /CNPG cluster `odoo-pg` through spec.inheritedMetadata.labels/,
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
    const scratch = computeCoverage(snapshot).find(c => c.pvc === 'scratch')!;
    expect(scratch.coveredBy).toEqual([]);
    expect(scratch.hints![0]).toMatch(/no backup tier covers PVC `scratch`/);
  });
});
