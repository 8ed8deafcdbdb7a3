import {
  loadSharedVolsyncSchemas,
  validateManifest,
} from '@internal/crd-schemas';
import { buildScenario, scenarioNames } from './buildScenario';

const now = new Date('2026-11-24T08:00:00Z');
const volsyncSchemas = loadSharedVolsyncSchemas();

describe('scenarios', () => {
  it.each(scenarioNames)(
    '%s: every seeded custom resource passes its upstream CRD schema',
    name => {
      const { objects } = buildScenario(name, now);
      const checked = objects
        .map(o => ({
          id: `${o.apiVersion} ${o.kind} ${o.metadata.namespace ?? ''}/${
            o.metadata.name
          }`,
          result: validateManifest(o),
        }))
        .filter(
          ({ id, result }) =>
            result.schemaFound || (volsyncSchemas && id.startsWith('volsync')),
        );
      expect(
        checked
          .filter(c => !c.result.valid)
          .map(c => `${c.id}: ${c.result.errors.join('; ')}`),
      ).toEqual([]);
      expect(checked.length).toBeGreaterThan(10);
    },
  );

  it('healthy: seven daily backups at 03:00 UTC and a manual test backup', () => {
    const { objects } = buildScenario('healthy', now);
    const backups = objects.filter(
      o => o.kind === 'Backup' && o.apiVersion === 'velero.io/v1',
    );
    expect(
      backups
        .filter(
          b => b.metadata.labels?.['velero.io/schedule-name'] === 'odoo-daily',
        )
        .map(b => b.metadata.name),
    ).toEqual([
      'odoo-daily-20261124030000',
      'odoo-daily-20261123030000',
      'odoo-daily-20261122030000',
      'odoo-daily-20261121030000',
      'odoo-daily-20261120030000',
      'odoo-daily-20261119030000',
      'odoo-daily-20261118030000',
    ]);
    expect(backups.map(b => b.metadata.name)).toContain(
      'odoo-test-20261121-1012',
    );
  });

  it('rejects an unknown scenario with the list of known ones', () => {
    expect(() => buildScenario('nope' as any, now)).toThrow(
      /use one of healthy, wal-failing/,
    );
  });
});
