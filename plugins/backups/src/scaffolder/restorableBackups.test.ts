import type {
  BackupsOverview,
  VeleroBackup,
} from '@internal/plugin-backups-common';
import { healthyOverview } from '../__fixtures__/overviewFixtures';
import { restorableBackups } from './restorableBackups';

const now = new Date('2026-11-23T08:00:00Z');

function backup(name: string, start: string, more: Partial<VeleroBackup> = {}) {
  return {
    name,
    phase: 'Completed',
    startTimestamp: start,
    expiration: '2026-11-30T03:00:00Z',
    ...more,
  };
}

function overview(clusters: Record<string, VeleroBackup[]>): BackupsOverview {
  const [template] = healthyOverview.clusters;
  return {
    ...healthyOverview,
    clusters: Object.entries(clusters).map(([cluster, backups]) => ({
      ...template,
      cluster,
      velero: { ...template.velero!, backups },
    })),
  };
}

describe('restorableBackups', () => {
  it('keeps Completed and PartiallyFailed backups that have not expired, newest first, over all clusters', () => {
    const found = restorableBackups(
      overview({
        demo: [
          backup('older', '2026-11-21T03:00:00Z'),
          backup('failed', '2026-11-23T03:00:00Z', { phase: 'Failed' }),
          backup('running', '2026-11-23T07:00:00Z', { phase: 'InProgress' }),
          backup('expired', '2026-11-10T03:00:00Z', {
            expiration: '2026-11-17T03:00:00Z',
          }),
        ],
        edge: [
          backup('partly', '2026-11-22T03:00:00Z', {
            phase: 'PartiallyFailed',
          }),
          backup('newest', '2026-11-23T05:00:00Z', { expiration: undefined }),
        ],
      }),
      now,
    );
    expect(found.map(b => [b.name, b.cluster])).toEqual([
      ['newest', 'edge'],
      ['partly', 'edge'],
      ['older', 'demo'],
    ]);
  });

  it('finds none where Velero is not read', () => {
    expect(
      restorableBackups({
        ...healthyOverview,
        clusters: [{ ...healthyOverview.clusters[0], velero: undefined }],
      }),
    ).toEqual([]);
  });
});
