import { validateManifest } from '@internal/crd-schemas';
import { parseGoDuration } from '@internal/plugin-backups-common';
import { KubeSimulator } from '../KubeSimulator';
import { VALIDATED_ANNOTATIONS } from '../controllers/veleroBackupResult';
import { KubeObject } from '../store/KubeObject';
import { buildScaleScenario, scheduleShares } from './buildScaleScenario';
import { buildScenario } from './buildScenario';
import { LAST_APPLIED } from './fixtures/managedFields';

const now = new Date('2026-11-24T08:00:00Z');
const scenario = buildScaleScenario({ backups: 1000, schedules: 50, now });

function veleroKind(kind: string) {
  return scenario.objects.filter(
    o => o.apiVersion === 'velero.io/v1' && o.kind === kind,
  );
}

const scheduleOf = (b: KubeObject) =>
  b.metadata.labels?.['velero.io/schedule-name'];

describe('scheduleShares', () => {
  it('spreads the backups as evenly as possible, odoo-daily first, one manual aside', () => {
    const shares = scheduleShares({ backups: 10_000, schedules: 50 });
    expect(shares).toHaveLength(50);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(9_999);
    expect(shares[0]).toBe(200);
    expect(shares[49]).toBe(199);
  });

  it('refuses schedules with fewer than four runs', () => {
    expect(() => scheduleShares({ backups: 100, schedules: 50 })).toThrow(
      /50 schedules need at least 201 backups/,
    );
    expect(() => scheduleShares({ backups: 10, schedules: 0 })).toThrow();
  });
});

describe('buildScaleScenario', () => {
  it('holds exactly the backups asked for, over that many daily schedules of as many namespaces', () => {
    const schedules = veleroKind('Schedule');
    expect(schedules).toHaveLength(50);
    expect(schedules.map(s => s.metadata.name)).toContain('odoo-daily');
    expect(veleroKind('Backup')).toHaveLength(1000);
    const namespaces = new Set(
      scenario.objects
        .filter(o => o.kind === 'Namespace')
        .map(o => o.metadata.name),
    );
    const shares = scheduleShares({ backups: 1000, schedules: 50 });
    const order = (s: KubeObject) =>
      s.metadata.name === 'odoo-daily' ? '' : s.metadata.name;
    for (const [i, s] of schedules
      .sort((a, b) => order(a).localeCompare(order(b)))
      .entries()) {
      const runs = veleroKind('Backup').filter(
        b => scheduleOf(b) === s.metadata.name,
      );
      expect([s.metadata.name, runs.length]).toEqual([
        s.metadata.name,
        shares[i],
      ]);
      expect(namespaces.has(s.spec.template.includedNamespaces[0])).toBe(true);
      // The TTL keeps every run, and lastBackup is the newest one's creation.
      const oldest = Math.min(
        ...runs.map(b => Date.parse(b.metadata.creationTimestamp!)),
      );
      expect(
        now.getTime() - oldest < parseGoDuration(s.spec.template.ttl)! * 1000,
      ).toBe(true);
      expect(s.status.lastBackup).toBe(
        runs
          .map(b => b.metadata.creationTimestamp!)
          .sort()
          .pop(),
      );
    }
  });

  it('keeps the healthy Odoo seed: its newest backups, its manual one and their archives', () => {
    const healthy = buildScenario('healthy', now);
    const names = (objects: KubeObject[]) =>
      objects
        .filter(o => o.apiVersion === 'velero.io/v1' && o.kind === 'Backup')
        .filter(
          o =>
            scheduleOf(o) !== undefined || o.metadata.name.startsWith('odoo'),
        )
        .map(o => o.metadata.name);
    const odoo = names(scenario.objects).filter(n => n.startsWith('odoo'));
    expect(odoo).toHaveLength(21);
    expect(odoo).toEqual(expect.arrayContaining(names(healthy.objects)));
    expect(scenario.backupArchives?.map(a => a.backupName)).toEqual(
      healthy.backupArchives?.map(a => a.backupName),
    );
  });

  it('shapes each backup as Velero does', () => {
    for (const b of veleroKind('Backup')) {
      expect(b.metadata.annotations).toEqual(VALIDATED_ANNOTATIONS);
      expect(b.metadata.annotations?.[LAST_APPLIED]).toBeUndefined();
      expect(['Completed', 'PartiallyFailed']).toContain(b.status.phase);
      const started = Date.parse(b.status.startTimestamp);
      expect(Date.parse(b.status.completionTimestamp)).toBeGreaterThan(started);
      expect(Date.parse(b.status.expiration)).toBe(
        started + parseGoDuration(b.spec.ttl)! * 1000,
      );
      expect(b.status.progress.totalItems).toBeGreaterThan(0);
    }
    const sample = veleroKind('Backup').filter((_, i) => i % 50 === 0);
    expect(
      sample.flatMap(b =>
        validateManifest(b).errors.map(e => `${b.metadata.name}: ${e}`),
      ),
    ).toEqual([]);
  });

  it('records managedFields on every object, and the last-applied manifest where kubectl applied it', () => {
    for (const o of scenario.objects) {
      expect([
        o.kind,
        o.metadata.name,
        Array.isArray(o.metadata.managedFields),
      ]).toEqual([o.kind, o.metadata.name, true]);
    }
    const [backup] = veleroKind('Backup').filter(
      b => scheduleOf(b) === 'app-07-daily',
    );
    expect(backup.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'velero-server',
        operation: 'Update',
        fieldsType: 'FieldsV1',
        fieldsV1: expect.objectContaining({
          'f:status': expect.objectContaining({ 'f:phase': {} }),
        }),
      }),
    ]);
    const schedule = veleroKind('Schedule').find(
      s => s.metadata.name === 'app-07-daily',
    )!;
    const applied = JSON.parse(schedule.metadata.annotations![LAST_APPLIED]);
    expect(applied.spec).toEqual(schedule.spec);
    expect(schedule.metadata.managedFields).toEqual([
      expect.objectContaining({ manager: 'kubectl-client-side-apply' }),
      expect.objectContaining({
        manager: 'velero-server',
        subresource: 'status',
      }),
    ]);
  });
});

describe('KubeSimulator.start({ scale })', () => {
  it('serves the fleet, page by page and by schedule label', async () => {
    const simulator = await KubeSimulator.start({
      scale: { backups: 1000, schedules: 50 },
      requestLogDir: '',
    });
    try {
      const get = async (query: string) => {
        const res = await fetch(
          `${simulator.url}/apis/velero.io/v1/namespaces/velero/backups?${query}`,
          { headers: { Authorization: `Bearer ${simulator.token}` } },
        );
        return res.json();
      };
      const names: string[] = [];
      let next = '';
      do {
        const page = await get(
          `limit=300${next ? `&continue=${encodeURIComponent(next)}` : ''}`,
        );
        names.push(...page.items.map((b: KubeObject) => b.metadata.name));
        next = page.metadata.continue ?? '';
      } while (next);
      expect(names).toHaveLength(1000);
      expect([...names].sort()).toEqual(names);
      const odoo = await get(
        `labelSelector=${encodeURIComponent(
          'velero.io/schedule-name=odoo-daily',
        )}`,
      );
      expect(odoo.items).toHaveLength(20);
    } finally {
      await simulator.stop();
    }
    await expect(
      KubeSimulator.start({
        scenario: 'velero-failing',
        scale: { backups: 1000, schedules: 50 },
      }),
    ).rejects.toThrow(/healthy/);
  });
});
