import type { Tier } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import {
  DrillEvidence,
  DrillEvidenceRecord,
  drillVerdict,
  parseRtoAnnotation,
} from './drillVerdict';
import { parseDurationText } from '../../service/readVerdictConfig';

const now = DateTime.fromISO('2026-12-02T12:00:00Z');

const tier: Tier = {
  kind: 'velero',
  name: 'odoo-daily',
  namespace: 'business-system',
  status: 'healthy',
  component: 'Velero',
  method: 'CSI snapshots',
  lastRecoveryPoint: '2026-12-02T03:00:00Z',
  rpoTargetSeconds: 93600,
  rpoActualSeconds: 32400,
  reasons: [],
  findings: [],
};

function drill(
  id: string,
  outcome: DrillEvidenceRecord['outcome'],
  daysAgo: number,
  extra: Partial<DrillEvidenceRecord> = {},
): DrillEvidenceRecord {
  const start = now.minus({ days: daysAgo });
  return {
    id,
    cluster: 'demo',
    tier: { kind: 'velero', name: 'odoo-daily' },
    createdAt: start.toISO()!,
    startedAt: start.toISO()!,
    ...(outcome !== 'running'
      ? { finishedAt: start.plus({ minutes: 5 }).toISO()! }
      : {}),
    outcome,
    ...(outcome === 'passed'
      ? {
          recoveryPoint: start.minus({ hours: 9 }).toISO()!,
          rtoSeconds: 240,
          source: 'odoo-daily-1',
        }
      : {}),
    ...extra,
  };
}

function evidence(
  records: DrillEvidenceRecord[],
  options: Partial<DrillEvidence> = {},
): DrillEvidence {
  return {
    records,
    scheduled: () => false,
    rtoTargets: {},
    windowSeconds: 30 * 86400,
    now,
    ...options,
  };
}

const codes = (t: Tier) => (t.findings ?? []).map(f => [f.code, f.status]);

describe('drillVerdict', () => {
  it('shows the last proven restore, against the RTO target', () => {
    const result = drillVerdict(
      tier,
      'demo',
      evidence([drill('d2', 'passed', 2), drill('d1', 'failed', 9)], {
        rtoTargets: { velero: 600 },
      }),
    );
    expect(result.status).toBe('healthy');
    expect(codes(result)).toEqual([]);
    expect(result.lastProvenRestore).toEqual({
      drillId: 'd2',
      at: now.minus({ days: 2 }).plus({ minutes: 5 }).toISO(),
      recoveryPoint: now.minus({ days: 2, hours: 9 }).toISO(),
      source: 'odoo-daily-1',
      rtoSeconds: 240,
      rtoTargetSeconds: 600,
    });
    expect(result.lastDrill).toMatchObject({ id: 'd2', outcome: 'passed' });
  });

  it('is critical after a failed drill, until a later drill passes; a running one changes nothing', () => {
    const failed = drillVerdict(
      tier,
      'demo',
      evidence([
        drill('d3', 'running', 0),
        drill('d2', 'failed', 1, {
          failureReason: 'PVC odoo-filestore Pending',
        }),
        drill('d1', 'passed', 5),
      ]),
    );
    expect(failed.status).toBe('critical');
    expect(codes(failed)).toEqual([['drill.failed', 'critical']]);
    expect(failed.reasons).toEqual([
      'The restore drill of 1 day ago failed: PVC odoo-filestore Pending',
    ]);
    expect(failed.lastProvenRestore?.drillId).toBe('d1');
    expect(failed.lastDrill).toMatchObject({ id: 'd3', outcome: 'running' });
    const recovered = drillVerdict(
      tier,
      'demo',
      evidence([drill('d4', 'passed', 0), drill('d2', 'failed', 1)]),
    );
    expect(recovered.status).toBe('healthy');
  });

  it('warns when a scheduled tier has no passed drill within the window, and not when drills are on demand', () => {
    const old = [drill('d1', 'passed', 40)];
    expect(
      codes(
        drillVerdict(tier, 'demo', evidence(old, { scheduled: () => true })),
      ),
    ).toEqual([['drill.none', 'warning']]);
    expect(
      codes(
        drillVerdict(tier, 'demo', evidence([], { scheduled: () => true })),
      ),
    ).toEqual([['drill.none', 'warning']]);
    expect(codes(drillVerdict(tier, 'demo', evidence(old)))).toEqual([]);
  });

  it('warns when the last passed drill was slower than the RTO target', () => {
    const result = drillVerdict(
      tier,
      'demo',
      evidence([drill('d1', 'passed', 1)], {
        rtoTargets: { 'velero/odoo-daily': 120, velero: 600 },
      }),
    );
    expect(result.status).toBe('warning');
    expect(result.reasons).toEqual([
      'The last passed drill took 4 minutes to restore, over the RTO target of 2 minutes',
    ]);
  });

  it("ignores another cluster's or tier's drills", () => {
    const result = drillVerdict(
      tier,
      'demo',
      evidence([
        drill('x', 'failed', 1, { cluster: 'other' }),
        drill('y', 'failed', 1, { tier: { kind: 'cnpg', name: 'odoo-pg' } }),
      ]),
    );
    expect(result).toEqual(tier);
  });
});

describe('parseRtoAnnotation', () => {
  it('reads one duration for every tier, or pairs', () => {
    expect(parseRtoAnnotation('1h', parseDurationText)).toEqual({
      targets: { '*': 3600 },
      problems: [],
    });
    expect(
      parseRtoAnnotation('velero=2h, cnpg/odoo-pg=30m, x=1', parseDurationText),
    ).toEqual({
      targets: { velero: 7200, 'cnpg/odoo-pg': 1800 },
      problems: [
        'backups.backstage.io/rto-target: ignored "x=1": expected kind[/name]=duration, e.g. velero=2h',
      ],
    });
  });
});
