import {
  healthySnapshot,
  seedSection31Snapshot,
} from '../__fixtures__/healthySnapshot';
import { scheduleCoverage } from './scheduleCoverage';

function coverage(snapshot = healthySnapshot()) {
  const result = scheduleCoverage(snapshot, snapshot.velero!.schedules[0])!;
  return Object.fromEntries(
    result.map(c => [
      c.pvc.name,
      c.covered === true
        ? `${c.via}${c.pod ? `:${c.pod}` : ''}`
        : `${c.covered}: ${c.why}`,
    ]),
  );
}

describe('scheduleCoverage (Velero)', () => {
  it('covers PVCs that match the label selector', () => {
    expect(coverage()).toEqual({
      'odoo-filestore': 'labels',
      'odoo-pg-1': 'labels',
      'odoo-pg-2': 'labels',
      'odoo-pg-3': 'labels',
    });
  });

  it("covers a PVC without the label when a selected pod mounts it (Velero's pod action)", () => {
    const snapshot = seedSection31Snapshot();
    const result = coverage(snapshot);
    expect(result['odoo-filestore']).toBe('pod:odoo-7d9f8b6c5d-x2k8p');
    expect(result['odoo-pg-1']).toMatch(/^false: neither the PVC nor a pod/);
  });

  it('covers the whole namespace without a selector', () => {
    const snapshot = healthySnapshot();
    snapshot.velero!.schedules[0].selector = undefined;
    expect(coverage(snapshot)['odoo-pg-2']).toBe('namespace');
  });

  it('honours velero.io/exclude-from-backup on a PVC, on the pod that mounts it, and on the Namespace', () => {
    const pvcExcluded = healthySnapshot();
    pvcExcluded.pvcs![0].labels['velero.io/exclude-from-backup'] = 'true';
    expect(coverage(pvcExcluded)['odoo-filestore']).toMatch(
      /^false: the PVC carries/,
    );

    const podExcluded = healthySnapshot();
    podExcluded.pvcs![0].labels = {};
    podExcluded.pods![0].labels['velero.io/exclude-from-backup'] = 'true';
    expect(coverage(podExcluded)['odoo-filestore']).toMatch(/^false: neither/);

    const nsExcluded = healthySnapshot();
    nsExcluded.namespaceLabels!['velero.io/exclude-from-backup'] = 'true';
    expect(coverage(nsExcluded)['odoo-pg-1']).toMatch(
      /^false: namespace business-system carries/,
    );
  });

  it('honours the include and exclude resource lists', () => {
    const snapshot = healthySnapshot();
    snapshot.velero!.schedules[0].excludedResources = ['pvc'];
    expect(coverage(snapshot)['odoo-pg-1']).toMatch(
      /does not include persistentvolumeclaims/,
    );
    const onlyPods = healthySnapshot();
    onlyPods.velero!.schedules[0].includedResources = ['deployments'];
    expect(coverage(onlyPods)['odoo-pg-1']).toMatch(
      /does not include persistentvolumeclaims/,
    );
  });

  it('says unknown, not uncovered, when the pods could not be read', () => {
    const snapshot = healthySnapshot();
    snapshot.pvcs![0].labels = {};
    snapshot.pods = undefined;
    snapshot.unread = ['pods'];
    expect(coverage(snapshot)['odoo-filestore']).toMatch(/^unknown: the pods/);
  });

  it('is undefined when the PVCs could not be read', () => {
    const snapshot = healthySnapshot();
    snapshot.pvcs = undefined;
    expect(
      scheduleCoverage(snapshot, snapshot.velero!.schedules[0]),
    ).toBeUndefined();
  });
});
