import { FINDING_CODES } from '@internal/plugin-backups-common';
import { evaluateClusterSnapshot } from './evaluateClusterSnapshot';
import {
  dailyBackup,
  healthySnapshot,
  options,
} from './__fixtures__/healthySnapshot';

describe('evaluateClusterSnapshot', () => {
  it('finds every tier of the seed healthy, with its recovery point and RPO', () => {
    const result = evaluateClusterSnapshot(healthySnapshot(), options);
    expect(result.tiers.map(t => [t.kind, t.name, t.status])).toEqual([
      ['cnpg', 'odoo-pg', 'healthy'],
      ['velero', 'odoo-daily', 'healthy'],
      ['volsync', 'odoo-filestore', 'healthy'],
    ]);
    expect(result.platformFindings).toEqual([]);
    expect(result.tiers.every(t => t.reasons.length === 0)).toBe(true);
  });

  it('keeps the other tiers when one source is missing', () => {
    const snapshot = healthySnapshot();
    snapshot.volsync = undefined;
    snapshot.errors.push({
      source: 'volsync',
      reason: 'Forbidden',
      message: 'forbidden',
      statusCode: 403,
    });
    const result = evaluateClusterSnapshot(snapshot, options);
    expect(result.tiers.map(t => t.kind)).toEqual(['cnpg', 'velero']);
    expect(result.errors).toHaveLength(1);
  });

  it('emits only documented finding codes, and keeps reasons equal to the messages', () => {
    const snapshot = healthySnapshot();
    snapshot.velero!.backups = [
      dailyBackup(0, 'Failed'),
      dailyBackup(1, 'PartiallyFailed'),
    ];
    snapshot.velero!.storageLocations[0].accessMode = 'ReadOnly';
    snapshot.velero!.server!.nodeAgent!.ready = 0;
    snapshot.cnpg!.clusters[0].walArchiver = undefined;
    snapshot.volsync!.sources[0].moverResult = 'Failed';
    const result = evaluateClusterSnapshot(snapshot, options);
    const findings = [
      ...result.tiers.flatMap(t => t.findings ?? []),
      ...(result.platformFindings ?? []),
    ];
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings)
      expect(Object.keys(FINDING_CODES)).toContain(f.code);
    for (const t of result.tiers)
      expect(t.reasons).toEqual(t.findings!.map(f => f.message));
  });
});
