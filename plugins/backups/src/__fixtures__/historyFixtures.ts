import type {
  BackupsHistory,
  HistoryPoint,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';

const TO = DateTime.fromISO('2026-11-30T12:00:00Z', { zone: 'utc' });

function point(
  minutesAgo: number,
  kind: 'velero' | 'cnpg',
  actual: number | null,
): HistoryPoint {
  return {
    at: TO.minus({ minutes: minutesAgo }).toISO()!,
    cluster: 'demo',
    tier:
      kind === 'velero'
        ? { kind, name: 'odoo-daily' }
        : { kind, name: 'odoo-pg' },
    status: actual !== null && actual <= 93600 ? 'healthy' : 'critical',
    rpoActualSeconds: actual,
    rpoTargetSeconds: kind === 'velero' ? 93600 : 300,
  };
}

/** Three evaluations, 15 minutes apart, of two tiers; Velero missed its target once. */
export function historyAnswer(
  overrides: Partial<BackupsHistory> = {},
): BackupsHistory {
  return {
    entityRef: 'component:default/odoo',
    from: TO.minus({ days: 30 }).toISO()!,
    to: TO.toISO()!,
    intervalSeconds: 900,
    items: [
      point(45, 'velero', 3600),
      point(45, 'cnpg', 60),
      point(30, 'velero', 100000),
      point(30, 'cnpg', 120),
      point(15, 'velero', 7200),
      point(15, 'cnpg', null),
    ],
    summary: [
      {
        cluster: 'demo',
        tier: { kind: 'velero', name: 'odoo-daily' },
        points: 3,
        observedSeconds: 2700,
        metSeconds: 1800,
        share: 2 / 3,
      },
      {
        cluster: 'demo',
        tier: { kind: 'cnpg', name: 'odoo-pg' },
        points: 3,
        observedSeconds: 2700,
        metSeconds: 1800,
        share: 2 / 3,
      },
    ],
    ...overrides,
  };
}
