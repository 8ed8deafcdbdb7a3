import { validateManifest } from '@internal/crd-schemas';
import { DateTime } from 'luxon';
import { RecoverySource } from './findRecoverySource';
import { recoveryClusterDocument } from './recoveryClusterDocument';

const window = {
  from: DateTime.fromISO('2026-11-23T02:06:14Z'),
  to: DateTime.fromISO('2026-11-30T11:55:00Z'),
};
const base: Omit<RecoverySource, 'store'> = {
  name: 'odoo-pg',
  namespace: 'business-system',
  serverName: 'odoo-pg',
  window,
  neighbours: [],
};

function manifest(source: RecoverySource) {
  return recoveryClusterDocument({
    source,
    name: 'odoo-pg-pitr-202611301015',
    targetTime: '2026-11-30T10:15:00Z',
    window: { from: '2026-11-23T02:06:14Z', to: '2026-11-30T11:55:00Z' },
    copied: { storage: { size: '10Gi' } },
  }).toJS();
}

describe('recoveryClusterDocument against the CNPG Cluster CRD schema', () => {
  it.each([
    ['Barman Cloud Plugin', { kind: 'plugin', objectStore: 'odoo-backups' }],
    [
      'in-tree Barman',
      { kind: 'barmanObjectStore', destinationPath: 'gs://odoo-backups/base' },
    ],
  ] as const)('is a valid Cluster for %s', (_name, store) => {
    expect(validateManifest(manifest({ ...base, store }))).toEqual({
      valid: true,
      schemaFound: true,
      errors: [],
    });
  });

  it('defaults to one instance when the source count is unknown', () => {
    const m = manifest({
      ...base,
      store: { kind: 'plugin', objectStore: 's' },
    });
    expect(m.spec.instances).toBe(1);
  });

  it('is checked strictly: a field the CRD does not know is an error', () => {
    const m = manifest({
      ...base,
      store: { kind: 'plugin', objectStore: 's' },
    });
    // barmanObjectName belongs in parameters.
    m.spec.externalClusters[0].plugin.barmanObjectName = 's';
    expect(validateManifest(m).errors).toEqual([
      'spec.externalClusters.0.plugin.barmanObjectName: unknown field',
    ]);
  });
});
