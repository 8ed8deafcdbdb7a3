import { dailyBackup } from '../__fixtures__/healthySnapshot';
import { capturedAt, recoveryPoint } from './recoveryPoint';

const NS = 'business-system';
const codes = (r: ReturnType<typeof recoveryPoint>) =>
  r.findings.map(f => `${f.code}:${f.status}`);

describe('recoveryPoint (Velero)', () => {
  it('is the start of the newest Completed backup, not its completion', () => {
    const newest = dailyBackup(0);
    const result = recoveryPoint([newest, dailyBackup(1)], NS);
    expect(result.backup?.name).toBe(newest.name);
    expect(capturedAt(newest)).toBe(newest.startTimestamp);
    expect(capturedAt(newest)).not.toBe(newest.completionTimestamp);
    expect(result.findings).toEqual([]);
  });

  it('orders a FailedValidation run (no start time) by its creation and counts it as the newest failed run', () => {
    const invalid = dailyBackup(0, 'FailedValidation');
    expect(invalid.startTimestamp).toBeUndefined();
    expect(invalid.completionTimestamp).toBeUndefined();
    const result = recoveryPoint([invalid, dailyBackup(1)], NS);
    expect(codes(result)).toEqual([
      'velero.backup.failedValidation:critical',
      'velero.backup.notNewest:warning',
    ]);
    expect(result.findings[0].message).toMatch(/read-only mode/);
    expect(result.backup?.name).toBe(dailyBackup(1).name);
  });

  it('is critical when the newest run Failed, and falls back to the last Completed one', () => {
    const result = recoveryPoint(
      [dailyBackup(0, 'Failed'), dailyBackup(1)],
      NS,
    );
    expect(codes(result)).toEqual([
      'velero.backup.failed:critical',
      'velero.backup.notNewest:warning',
    ]);
    expect(result.findings[0].message).toMatch(/bucket doesn't exist/);
    expect(result.backup?.name).toBe(dailyBackup(1).name);
  });

  it('never restores from a PartiallyFailed backup', () => {
    const result = recoveryPoint([dailyBackup(0, 'PartiallyFailed')], NS);
    expect(result.backup).toBeUndefined();
    expect(codes(result)).toEqual([
      'velero.backup.partiallyFailed:warning',
      'velero.backup.onlyPartial:critical',
    ]);
  });

  it('counts *PartiallyFailed intermediate phases as running, bound to end PartiallyFailed', () => {
    for (const phase of [
      'WaitingForPluginOperationsPartiallyFailed',
      'FinalizingPartiallyFailed',
    ]) {
      const result = recoveryPoint([dailyBackup(0, phase), dailyBackup(1)], NS);
      expect(result.backup?.name).toBe(dailyBackup(1).name);
      expect(codes(result)).toEqual(['velero.backup.partiallyFailed:warning']);
      expect(result.findings[0].message).toMatch(/will end PartiallyFailed/);
    }
  });

  it('lets healthy in-progress phases pass without a finding', () => {
    for (const phase of [
      'New',
      'InProgress',
      'WaitingForPluginOperations',
      'Finalizing',
    ]) {
      const result = recoveryPoint([dailyBackup(0, phase), dailyBackup(1)], NS);
      expect(result.findings).toEqual([]);
      expect(result.backup?.name).toBe(dailyBackup(1).name);
    }
  });

  it('is none when every run failed', () => {
    const result = recoveryPoint(
      [dailyBackup(0, 'Failed'), dailyBackup(1, 'FailedValidation')],
      NS,
    );
    expect(result.backup).toBeUndefined();
    expect(codes(result)).toContain('velero.backup.none:critical');
  });

  it("reads each backup's own namespaces: globs, * and exclusions", () => {
    const own = (spec: Partial<ReturnType<typeof dailyBackup>>) => ({
      ...dailyBackup(0),
      ...spec,
    });
    expect(
      recoveryPoint([own({ includedNamespaces: ['*'] })], NS).backup,
    ).toBeDefined();
    expect(
      recoveryPoint([own({ includedNamespaces: ['business-*'] })], NS).backup,
    ).toBeDefined();
    expect(
      recoveryPoint([own({ includedNamespaces: undefined })], NS).backup,
    ).toBeDefined();
    // Velero appends a namespace labelled velero.io/exclude-from-backup=true to excludedNamespaces.
    const excluded = recoveryPoint(
      [
        own({
          includedNamespaces: ['*'],
          excludedNamespaces: ['business-system'],
        }),
      ],
      NS,
    );
    expect(excluded.backup).toBeUndefined();
    expect(codes(excluded)).toContain('velero.namespace.excluded:critical');
    const elsewhere = recoveryPoint([own({ includedNamespaces: ['crm'] })], NS);
    expect(elsewhere.backup).toBeUndefined();
  });
});
