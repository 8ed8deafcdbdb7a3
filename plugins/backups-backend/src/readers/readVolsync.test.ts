import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import {
  fakeCluster,
  fakeClusterState,
  item,
  target,
} from './__testUtils__/fakeCluster';
import { readVolsync } from './readVolsync';

const server = setupServer();
const PATH =
  '/apis/volsync.backube/v1alpha1/namespaces/business-system/replicationsources';

describe('readVolsync', () => {
  registerMswTestHooks(server);

  it('reads schedule, retention, sync times, mover result and the Synchronizing condition', async () => {
    const logs = `${'x'.repeat(3000)}\nFatal: repository is locked`;
    server.use(
      fakeCluster({
        [PATH]: [
          item('odoo-filestore', 'business-system', {
            spec: {
              sourcePVC: 'odoo-filestore',
              trigger: { schedule: '0 4 * * *' },
              restic: {
                repository: 'odoo-filestore-restic',
                retain: { daily: 7, weekly: 4, monthly: 3 },
              },
            },
            status: {
              lastSyncTime: '2026-11-24T04:02:41Z',
              lastSyncDuration: '2m41s',
              nextSyncTime: '2026-11-25T04:00:00Z',
              latestMoverStatus: { result: 'Failed', logs },
              conditions: [
                {
                  type: 'Synchronizing',
                  status: 'False',
                  reason: 'Error',
                  message: 'mover failed',
                },
              ],
            },
          }),
        ],
      }).handler,
    );
    const { section, errors } = await readVolsync(fakeClusterState(), target);
    expect(errors).toEqual([]);
    const [source] = section!.sources;
    expect(source).toMatchObject({
      sourcePVC: 'odoo-filestore',
      schedule: '0 4 * * *',
      repository: 'odoo-filestore-restic',
      retain: { daily: 7, weekly: 4, monthly: 3 },
      lastSyncDuration: '2m41s',
      moverResult: 'Failed',
      synchronizing: {
        status: 'False',
        reason: 'Error',
        message: 'mover failed',
      },
    });
    expect(source.moverLogs!.length).toBe(2000);
    expect(source.moverLogs!.endsWith('Fatal: repository is locked')).toBe(
      true,
    );
  });

  it('reports a 403 with the RBAC rule', async () => {
    server.use(fakeCluster({}, { [PATH]: { status: 403 } }).handler);
    const { section, errors } = await readVolsync(fakeClusterState(), target);
    expect(section).toBeUndefined();
    expect(errors[0]).toMatchObject({
      source: 'volsync',
      reason: 'Forbidden',
      rbac: {
        verb: 'list',
        group: 'volsync.backube',
        resource: 'replicationsources',
        namespace: 'business-system',
      },
    });
  });
});
