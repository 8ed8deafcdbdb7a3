import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import {
  fakeCluster,
  fakeClusterState,
  item,
  target,
} from './__testUtils__/fakeCluster';
import { readCnpg } from './readCnpg';

const server = setupServer();
const NS = '/apis/postgresql.cnpg.io/v1/namespaces/business-system';
const STORES =
  '/apis/barmancloud.cnpg.io/v1/namespaces/business-system/objectstores';

const archiving = {
  type: 'ContinuousArchiving',
  status: 'True',
  reason: 'ContinuousArchivingSuccess',
};
const pluginCluster = item('odoo-pg', 'business-system', {
  spec: {
    instances: 3,
    plugins: [
      {
        name: 'barman-cloud.cloudnative-pg.io',
        isWALArchiver: true,
        parameters: { barmanObjectName: 'odoo-objstore' },
      },
    ],
  },
  status: {
    instances: 3,
    readyInstances: 3,
    phase: 'Cluster in healthy state',
    currentPrimary: 'odoo-pg-1',
    conditions: [archiving],
  },
});
const inTreeCluster = item('legacy-pg', 'business-system', {
  spec: {
    backup: { barmanObjectStore: { destinationPath: 's3://legacy/base' } },
  },
  status: {
    firstRecoverabilityPoint: '2026-11-01T00:00:00Z',
    lastSuccessfulBackup: '2026-11-20T00:00:00Z',
    conditions: [archiving],
  },
});
const objectStore = item('odoo-objstore', 'business-system', {
  spec: { configuration: { destinationPath: 'gs://hayden-odoo-backups/base' } },
  status: {
    serverRecoveryWindow: {
      'odoo-pg': {
        firstRecoverabilityPoint: '2026-11-15T02:00:00Z',
        lastSuccessfulBackupTime: '2026-11-22T02:06:00Z',
      },
    },
  },
});

function lists(extra: Record<string, any[]> = {}) {
  return {
    [`${NS}/clusters`]: [pluginCluster, inTreeCluster],
    [`${NS}/backups`]: [
      item(
        'odoo-pg-weekly-1',
        'business-system',
        {
          spec: { cluster: { name: 'odoo-pg' }, method: 'plugin' },
          status: {
            phase: 'completed',
            beginWal: 'A',
            endWal: 'B',
            startedAt: '2026-11-22T02:00:00Z',
          },
        },
        { 'cnpg.io/scheduled-backup': 'odoo-pg-weekly' },
      ),
    ],
    [`${NS}/scheduledbackups`]: [
      item('odoo-pg-weekly', 'business-system', {
        spec: {
          cluster: { name: 'odoo-pg' },
          schedule: '0 0 2 * * 0',
          method: 'plugin',
        },
      }),
    ],
    [STORES]: [objectStore],
    ...extra,
  };
}

describe('readCnpg', () => {
  registerMswTestHooks(server);

  it('reads the recovery window from the ObjectStore with the Barman Cloud Plugin, and from the Cluster in-tree', async () => {
    server.use(fakeCluster(lists()).handler);
    const { section, errors } = await readCnpg(fakeClusterState(), {
      ...target,
      labelSelector: undefined,
    });
    expect(errors).toEqual([]);
    const [plugin, legacy] = section!.clusters;
    expect(plugin).toMatchObject({
      name: 'odoo-pg',
      objectStore: 'odoo-objstore',
      serverName: 'odoo-pg',
      destinationPath: 'gs://hayden-odoo-backups/base',
      firstRecoverabilityPoint: '2026-11-15T02:00:00Z',
      lastSuccessfulBackup: '2026-11-22T02:06:00Z',
      recoveryWindowSource: 'objectStore',
      continuousArchiving: {
        status: 'True',
        reason: 'ContinuousArchivingSuccess',
      },
    });
    expect(legacy).toMatchObject({
      destinationPath: 's3://legacy/base',
      firstRecoverabilityPoint: '2026-11-01T00:00:00Z',
      recoveryWindowSource: 'cluster',
    });
    expect(section!.scheduledBackups[0].schedule).toBe('0 0 2 * * 0');
    expect(section!.backups[0]).toMatchObject({
      name: 'odoo-pg-weekly-1',
      beginWal: 'A',
      endWal: 'B',
      scheduledBackup: 'odoo-pg-weekly',
    });
  });

  it('keeps every cluster of the namespace when the app selector matches none (seed §3.1)', async () => {
    server.use(fakeCluster(lists()).handler);
    const { section } = await readCnpg(fakeClusterState(), target);
    expect(section!.clusters.map(c => c.name)).toEqual([
      'odoo-pg',
      'legacy-pg',
    ]);
  });

  it('keeps the clusters when the Barman Cloud Plugin is not installed', async () => {
    const { [STORES]: _missing, ...withoutStores } = lists();
    server.use(fakeCluster(withoutStores).handler);
    const { section, errors } = await readCnpg(fakeClusterState(), target);
    expect(section!.clusters).toHaveLength(2);
    expect(section!.clusters[0].firstRecoverabilityPoint).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({
        source: 'cnpg',
        reason: 'NotInstalled',
        message: expect.stringMatching(
          /^The Barman Cloud Plugin is not installed on cluster "fake"/,
        ),
      }),
    ]);
  });

  it('says when a cluster names an ObjectStore that does not exist', async () => {
    server.use(fakeCluster(lists({ [STORES]: [] })).handler);
    const { section, errors } = await readCnpg(fakeClusterState(), target);
    expect(section!.clusters[0]).toMatchObject({
      objectStore: 'odoo-objstore',
      objectStoreMissing: true,
      recoveryWindowSource: 'objectStore',
      firstRecoverabilityPoint: undefined,
    });
    expect(errors).toEqual([]);
  });

  it('does not call an ObjectStore missing when the ObjectStores could not be read', async () => {
    server.use(fakeCluster(lists(), { [STORES]: { status: 403 } }).handler);
    const { section, unread } = await readCnpg(fakeClusterState(), target);
    expect(section!.clusters[0].objectStoreMissing).toBeUndefined();
    expect(unread).toEqual(['cnpg.objectStores']);
  });

  it('selects clusters by the labels they pass on to their pods', async () => {
    server.use(
      fakeCluster(
        lists({
          [`${NS}/clusters`]: [
            item('odoo-pg', 'business-system', {
              spec: {
                inheritedMetadata: {
                  labels: { 'app.kubernetes.io/name': 'odoo' },
                },
              },
            }),
            item('other-pg', 'business-system', {}),
          ],
        }),
      ).handler,
    );
    const { section } = await readCnpg(fakeClusterState(), target);
    expect(section!.clusters.map(c => [c.name, c.inheritedLabels])).toEqual([
      ['odoo-pg', { 'app.kubernetes.io/name': 'odoo' }],
    ]);
  });
});
