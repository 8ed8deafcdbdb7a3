import type { DrillPlan } from '@internal/plugin-backups-common';

/** A plan to drill the Velero tier of Odoo into a namespace of its own. */
export function drillPlan(fields: Partial<DrillPlan> = {}): DrillPlan {
  return {
    id: '5d41402a-bc4b-4a76-b971-9d911017c592',
    cluster: 'demo',
    namespace: 'business-system',
    tier: { kind: 'velero', name: 'odoo-daily' },
    source: 'odoo-daily-20261123030000',
    recoveryPoint: '2026-11-23T03:00:00Z',
    target: 'business-system-drill-5d41402a',
    creates: [
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        name: 'business-system-drill-5d41402a',
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        name: 'backups-drill-isolation',
        namespace: 'business-system-drill-5d41402a',
      },
      {
        apiVersion: 'velero.io/v1',
        kind: 'Restore',
        name: 'backups-drill-5d41402a',
        namespace: 'velero',
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: 'backups-drill-5d41402a',
        namespace: 'velero',
      },
    ],
    notes: [
      'NetworkPolicy backups-drill-isolation denies all traffic in and out of business-system-drill-5d41402a before anything is restored.',
      'Scaled to zero in the copy: odoo.',
    ],
    timeLimitSeconds: 900,
    ...fields,
  };
}
