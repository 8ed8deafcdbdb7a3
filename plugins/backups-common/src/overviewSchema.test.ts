import { backupsOverviewSchema } from './overviewSchema';

const overview = {
  entityRef: 'component:default/odoo',
  generatedAt: '2026-11-24T08:00:00Z',
  status: 'healthy',
  errors: [],
  clusters: [
    {
      cluster: 'demo',
      tiers: [
        {
          kind: 'velero',
          name: 'odoo-daily',
          namespace: 'velero',
          status: 'healthy',
          component: 'Namespace business-system',
          method: 'Velero CSI snapshot',
          lastRecoveryPoint: '2026-11-24T03:01:35Z',
          rpoTargetSeconds: 93600,
          rpoActualSeconds: 17905,
          reasons: [],
        },
      ],
      coverage: [
        {
          namespace: 'business-system',
          pvc: 'odoo-filestore',
          coveredBy: [{ kind: 'velero', name: 'odoo-daily' }],
        },
      ],
      errors: [
        {
          source: 'volsync',
          message: 'forbidden',
          statusCode: 403,
          reason: 'Forbidden',
        },
      ],
    },
  ],
};

describe('backupsOverviewSchema', () => {
  it('accepts the documented shape, with null recovery points', () => {
    expect(backupsOverviewSchema.parse(overview)).toEqual(overview);
    const none = structuredClone(overview);
    none.clusters[0].tiers[0].lastRecoveryPoint = null as any;
    none.clusters[0].tiers[0].rpoActualSeconds = null as any;
    expect(backupsOverviewSchema.safeParse(none).success).toBe(true);
  });

  it('rejects unknown statuses and tier kinds', () => {
    const bad = structuredClone(overview);
    (bad.clusters[0].tiers[0] as any).status = 'fine';
    expect(backupsOverviewSchema.safeParse(bad).success).toBe(false);
    const kind = structuredClone(overview);
    (kind.clusters[0].tiers[0] as any).kind = 'restic';
    expect(backupsOverviewSchema.safeParse(kind).success).toBe(false);
  });
});
