import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import {
  fakeCluster,
  fakeClusterState,
  item,
  target,
} from './__testUtils__/fakeCluster';
import { readVelero } from './readVelero';

const server = setupServer();
const V = '/apis/velero.io/v1/namespaces/velero';
const options = {
  namespace: 'velero',
  deploymentName: 'velero',
  nodeAgentName: 'node-agent',
};

const schedule = (name: string, template: Record<string, unknown>) =>
  item(name, 'velero', {
    spec: { schedule: '0 3 * * *', template },
    status: { phase: 'Enabled' },
  });
/** A backup as Velero leaves it: no start time before InProgress, 0 counters absent. */
const backup = (
  name: string,
  phase: string,
  labels?: Record<string, string>,
  spec: Record<string, unknown> = {},
) => {
  const created = `2026-11-2${name.slice(-1)}T03:00:00Z`;
  const started = phase !== 'FailedValidation' && phase !== 'New';
  const b = item(
    name,
    'velero',
    {
      spec,
      status: {
        phase,
        ...(started
          ? {
              startTimestamp: `2026-11-2${name.slice(-1)}T03:00:01Z`,
              progress: { totalItems: 9, itemsBackedUp: 9 },
              csiVolumeSnapshotsAttempted: 2,
              csiVolumeSnapshotsCompleted: 2,
            }
          : { validationErrors: ['invalid'] }),
      },
    },
    labels,
  );
  b.metadata = { ...b.metadata, creationTimestamp: created } as any;
  return b;
};

function veleroLists(extra: Record<string, any[]> = {}) {
  return {
    [`${V}/schedules`]: [
      schedule('odoo-daily', {
        includedNamespaces: ['business-system'],
        labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'odoo' } },
        ttl: '168h0m0s',
        storageLocation: 'gcs',
      }),
      schedule('everything', { includedNamespaces: ['*'] }),
      schedule('all-by-default', {}),
      schedule('excluded', {
        includedNamespaces: ['*'],
        excludedNamespaces: ['business-system'],
      }),
      schedule('other-app', { includedNamespaces: ['crm'] }),
    ],
    [`${V}/backups`]: [
      backup('odoo-daily-1', 'Completed', {
        'velero.io/schedule-name': 'odoo-daily',
      }),
      backup('odoo-daily-2', 'PartiallyFailed', {
        'velero.io/schedule-name': 'odoo-daily',
      }),
      backup('odoo-daily-3', 'WaitingForPluginOperationsPartiallyFailed', {
        'velero.io/schedule-name': 'odoo-daily',
      }),
      backup('odoo-daily-4', 'FinalizingPartiallyFailed', {
        'velero.io/schedule-name': 'odoo-daily',
      }),
      backup('odoo-daily-5', 'FailedValidation', {
        'velero.io/schedule-name': 'odoo-daily',
      }),
      backup('other-app-1', 'Completed', {
        'velero.io/schedule-name': 'other-app',
      }),
      backup('odoo-test-1', 'Completed', undefined, {
        includedNamespaces: ['business-system'],
      }),
      backup('crm-test-1', 'Completed', undefined, {
        includedNamespaces: ['crm'],
      }),
    ],
    [`${V}/restores`]: [
      item('restore-1', 'velero', {
        spec: { backupName: 'odoo-daily-1' },
        status: {
          phase: 'InProgress',
          progress: { totalItems: 9, itemsRestored: 3 },
        },
      }),
      item('restore-crm', 'velero', {
        spec: { backupName: 'crm-test-1' },
        status: { phase: 'Completed' },
      }),
    ],
    [`${V}/backupstoragelocations`]: [
      item('gcs', 'velero', {
        spec: {
          provider: 'gcp',
          default: true,
          objectStorage: { bucket: 'hayden-velero-backups' },
          accessMode: 'ReadOnly',
          validationFrequency: '30s',
          credential: { name: 'velero-gcs', key: 'cloud' },
        },
        status: { phase: 'Unavailable', message: 'bucket gone' },
      }),
    ],
    [`${V}/volumesnapshotlocations`]: [
      item('csi-ceph-blockpool', 'velero', {
        spec: { provider: 'velero.io/csi' },
      }),
    ],
    '/apis/apps/v1/namespaces/velero/deployments': [
      item('velero', 'velero', {
        spec: {
          replicas: 1,
          template: {
            spec: {
              containers: [
                {
                  name: 'velero',
                  image: 'velero/velero:v1.15.0',
                  args: ['server'],
                },
              ],
            },
          },
        },
        status: { readyReplicas: 1 },
      }),
    ],
    '/apis/apps/v1/namespaces/velero/daemonsets': [
      item('node-agent', 'velero', {
        status: { numberReady: 2, desiredNumberScheduled: 3 },
      }),
    ],
    '/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses': [
      item(
        'csi-ceph-blockpool',
        undefined,
        { driver: 'rook-ceph.rbd.csi.ceph.com' },
        { 'velero.io/csi-volumesnapshot-class': 'true' },
      ),
    ],
    ...extra,
  };
}

describe('readVelero', () => {
  registerMswTestHooks(server);

  it('selects schedules by what their template includes, and pages through every list', async () => {
    const fake = fakeCluster(veleroLists());
    server.use(fake.handler);
    const { section, errors } = await readVelero(
      fakeClusterState({ pageSize: 2 }),
      target,
      options,
    );
    expect(errors).toEqual([]);
    expect(section!.schedules.map(s => s.name)).toEqual([
      'odoo-daily',
      'everything',
      'all-by-default',
    ]);
    expect(section!.schedules[0]).toMatchObject({
      labelSelector: 'app.kubernetes.io/name=odoo',
      ttl: '168h0m0s',
      storageLocation: 'gcs',
    });
    // Two LISTs: the selected schedules' backups (5, so 3 pages of 2) and
    // manual backups (2, one page); the reader followed `continue`.
    const backupPages = fake.requests
      .filter(r => r.pathname.endsWith('/backups'))
      .map(r => [
        r.searchParams.get('labelSelector'),
        r.searchParams.get('continue'),
      ]);
    expect(backupPages).toEqual(
      expect.arrayContaining([
        [
          'velero.io/schedule-name in (odoo-daily,everything,all-by-default)',
          null,
        ],
        [
          'velero.io/schedule-name in (odoo-daily,everything,all-by-default)',
          '2',
        ],
        [
          'velero.io/schedule-name in (odoo-daily,everything,all-by-default)',
          '4',
        ],
        ['!velero.io/schedule-name', null],
      ]),
    );
    expect(backupPages).toHaveLength(4);
    expect(fake.requests.every(r => r.searchParams.get('limit') === '2')).toBe(
      true,
    );
  });

  it('keeps backups of the selected schedules and manual backups of the namespace, with every phase', async () => {
    server.use(fakeCluster(veleroLists()).handler);
    const { section } = await readVelero(fakeClusterState(), target, options);
    expect(section!.backups.map(b => [b.name, b.phase])).toEqual([
      ['odoo-daily-5', 'FailedValidation'],
      ['odoo-daily-4', 'FinalizingPartiallyFailed'],
      ['odoo-daily-3', 'WaitingForPluginOperationsPartiallyFailed'],
      ['odoo-daily-2', 'PartiallyFailed'],
      ['odoo-daily-1', 'Completed'],
      ['odoo-test-1', 'Completed'],
    ]);
    expect(section!.backups[4]).toMatchObject({
      schedule: 'odoo-daily',
      totalItems: 9,
      csiVolumeSnapshotsCompleted: 2,
    });
    expect(
      section!.restores.map(r => [r.name, r.phase, r.itemsRestored]),
    ).toEqual([['restore-1', 'InProgress', 3]]);
  });

  it('reads locations and server health', async () => {
    server.use(fakeCluster(veleroLists()).handler);
    const { section } = await readVelero(fakeClusterState(), target, options);
    expect(section!.storageLocations).toEqual([
      expect.objectContaining({
        name: 'gcs',
        provider: 'gcp',
        bucket: 'hayden-velero-backups',
        default: true,
        phase: 'Unavailable',
        message: 'bucket gone',
      }),
    ]);
    expect(section!.server).toEqual({
      deployment: {
        name: 'velero',
        ready: 1,
        desired: 1,
        image: 'velero/velero:v1.15.0',
      },
      deploymentFound: true,
      nodeAgent: { name: 'node-agent', ready: 2, desired: 3 },
      volumeSnapshotClasses: ['csi-ceph-blockpool'],
      snapshotClasses: [
        {
          name: 'csi-ceph-blockpool',
          driver: 'rook-ceph.rbd.csi.ceph.com',
          veleroLabel: true,
        },
      ],
    });
    expect(section!.storageLocations[0]).toMatchObject({
      accessMode: 'ReadOnly',
      validationFrequency: '30s',
      credentialSecret: 'velero-gcs',
    });
  });

  it('reports a missing velero.io group as "not installed" and nothing else', async () => {
    server.use(fakeCluster({}).handler);
    const { section, errors } = await readVelero(
      fakeClusterState(),
      target,
      options,
    );
    expect(section).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({
        source: 'velero',
        reason: 'NotInstalled',
        statusCode: 404,
        message: expect.stringMatching(
          /^Velero is not installed on cluster "fake"/,
        ),
      }),
    ]);
  });

  it('keeps the rest when only restores are forbidden, and says which RBAC rule is missing', async () => {
    server.use(
      fakeCluster(veleroLists(), { [`${V}/restores`]: { status: 403 } })
        .handler,
    );
    const { section, errors } = await readVelero(
      fakeClusterState(),
      target,
      options,
    );
    expect(section!.backups).toHaveLength(6);
    expect(errors).toEqual([
      expect.objectContaining({
        reason: 'Forbidden',
        statusCode: 403,
        rbac: {
          verb: 'list',
          group: 'velero.io',
          resource: 'restores',
          namespace: 'velero',
        },
      }),
    ]);
  });

  it('reports 500s and timeouts per source', async () => {
    server.use(
      fakeCluster(veleroLists(), {
        [`${V}/backupstoragelocations`]: { status: 500 },
        '/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses': {
          status: 200,
          delayMs: 500,
        },
      }).handler,
    );
    const { section, errors } = await readVelero(
      fakeClusterState({ timeoutMs: 100 }),
      target,
      options,
    );
    expect(errors.map(e => e.reason).sort()).toEqual([
      'ServerError',
      'Timeout',
    ]);
    expect(section!.schedules).toHaveLength(3);
  });

  it('honours pinned schedule names', async () => {
    server.use(fakeCluster(veleroLists()).handler);
    const { section } = await readVelero(
      fakeClusterState(),
      { ...target, pinned: { veleroSchedules: ['other-app'] } },
      options,
    );
    expect(section!.schedules.map(s => s.name)).toEqual(['other-app']);
    expect(section!.backups.map(b => b.name)).toEqual(['other-app-1']);
  });

  it('maps every Velero 1.15 backup phase and its details', async () => {
    const phases = [
      'New',
      'FailedValidation',
      'InProgress',
      'WaitingForPluginOperations',
      'WaitingForPluginOperationsPartiallyFailed',
      'Finalizing',
      'FinalizingPartiallyFailed',
      'Completed',
      'PartiallyFailed',
      'Failed',
      'Deleting',
    ];
    server.use(
      fakeCluster(
        veleroLists({
          [`${V}/backups`]: [
            ...phases.map((phase, i) =>
              item(
                `manual-${i}`,
                'velero',
                {
                  spec: { includedNamespaces: ['business-system'] },
                  status: {
                    phase,
                    startTimestamp: `2026-11-01T0${i % 10}:${10 + i}:00Z`,
                    expiration: '2026-12-01T00:00:00Z',
                    errors: 1,
                    warnings: 2,
                    failureReason:
                      phase === 'Failed' ? 'bucket gone' : undefined,
                    validationErrors:
                      phase === 'FailedValidation'
                        ? ['invalid storage location']
                        : undefined,
                    volumeSnapshotsAttempted: 1,
                    volumeSnapshotsCompleted: 0,
                  },
                },
                { 'velero.io/storage-location': 'gcs' },
              ),
            ),
            // Not yet seen by the controller: no status at all.
            item('queued', 'velero', {
              spec: { includedNamespaces: ['*'] },
            }),
          ],
        }),
      ).handler,
    );
    const { section } = await readVelero(fakeClusterState(), target, options);
    const byName = new Map(section!.backups.map(b => [b.name, b]));
    expect(phases.map((_, i) => byName.get(`manual-${i}`)!.phase)).toEqual(
      phases,
    );
    expect(byName.get('queued')!.phase).toBe('New');
    expect(byName.get('manual-9')).toMatchObject({
      failureReason: 'bucket gone',
      expiration: '2026-12-01T00:00:00Z',
      errors: 1,
      warnings: 2,
      storageLocation: 'gcs',
      volumeSnapshotsAttempted: 1,
      volumeSnapshotsCompleted: 0,
      includedNamespaces: ['business-system'],
    });
    expect(byName.get('manual-1')!.validationErrors).toEqual([
      'invalid storage location',
    ]);
  });

  it('finds restores by backup or schedule name', async () => {
    server.use(
      fakeCluster(
        veleroLists({
          [`${V}/restores`]: [
            item('by-schedule', 'velero', {
              spec: { scheduleName: 'odoo-daily' },
              status: {
                phase: 'FailedValidation',
                validationErrors: ['backup not found'],
              },
            }),
            item('other', 'velero', { spec: { scheduleName: 'other-app' } }),
          ],
        }),
      ).handler,
    );
    const { section } = await readVelero(fakeClusterState(), target, options);
    expect(section!.restores).toEqual([
      expect.objectContaining({
        name: 'by-schedule',
        scheduleName: 'odoo-daily',
        phase: 'FailedValidation',
        failureReason: 'backup not found',
      }),
    ]);
  });

  it('never puts a schedule name too long for a label value into the backups selector', async () => {
    const long = `odoo-${'x'.repeat(70)}`;
    const fake = fakeCluster(
      veleroLists({
        [`${V}/schedules`]: [
          schedule(long, { includedNamespaces: ['business-system'] }),
          schedule('odoo-daily', { includedNamespaces: ['business-system'] }),
        ],
      }),
    );
    server.use(fake.handler);
    const { section, errors } = await readVelero(
      fakeClusterState(),
      target,
      options,
    );
    expect(errors).toEqual([]);
    expect(section!.schedules.map(s => s.name)).toEqual([long, 'odoo-daily']);
    const selectors = fake.requests
      .filter(r => r.pathname.endsWith('/backups'))
      .map(r => r.searchParams.get('labelSelector'));
    expect(selectors).toContain('velero.io/schedule-name in (odoo-daily)');
  });

  it('orders a FailedValidation backup, which has no start time, by its creation', async () => {
    server.use(fakeCluster(veleroLists()).handler);
    const { section } = await readVelero(fakeClusterState(), target, options);
    const invalid = section!.backups.find(b => b.name === 'odoo-daily-5')!;
    expect(invalid).toMatchObject({
      phase: 'FailedValidation',
      createdAt: '2026-11-25T03:00:00Z',
      validationErrors: ['invalid'],
    });
    expect(invalid.startTimestamp).toBeUndefined();
    expect(section!.backups[0].name).toBe('odoo-daily-5');
  });

  it('keeps the template selector structured, and says why an invalid one is unusable', async () => {
    server.use(
      fakeCluster(
        veleroLists({
          [`${V}/schedules`]: [
            schedule('odoo-daily', {
              includedNamespaces: ['business-system'],
              labelSelector: {
                matchLabels: { 'app.kubernetes.io/name': 'odoo' },
                matchExpressions: [
                  { key: 'tier', operator: 'NotIn', values: ['cache'] },
                ],
              },
            }),
            schedule('broken', {
              includedNamespaces: ['business-system'],
              labelSelector: {
                matchExpressions: [
                  { key: 'a', operator: 'Equals', values: ['b'] },
                ],
              },
            }),
          ],
        }),
      ).handler,
    );
    const { section } = await readVelero(fakeClusterState(), target, options);
    expect(section!.schedules[0]).toMatchObject({
      labelSelector: 'app.kubernetes.io/name=odoo,tier!=cache',
      selector: [
        { key: 'app.kubernetes.io/name', operator: 'In', values: ['odoo'] },
        { key: 'tier', operator: 'NotIn', values: ['cache'] },
      ],
    });
    expect(section!.schedules[1].selectorError).toMatch(/operator "Equals"/);
  });

  it('counts the PodVolumeBackups of backups that show no snapshot (file-system backup)', async () => {
    const fsBackup = backup('odoo-daily-6', 'Completed', {
      'velero.io/schedule-name': 'odoo-daily',
    });
    delete (fsBackup as any).status.csiVolumeSnapshotsAttempted;
    delete (fsBackup as any).status.csiVolumeSnapshotsCompleted;
    const pvb = (name: string, phase: string) =>
      item(
        name,
        'velero',
        { status: { phase } },
        { 'velero.io/backup-name': 'odoo-daily-6' },
      );
    const fake = fakeCluster(
      veleroLists({
        [`${V}/backups`]: [fsBackup],
        [`${V}/podvolumebackups`]: [
          pvb('pvb-1', 'Completed'),
          pvb('pvb-2', 'Failed'),
        ],
      }),
    );
    server.use(fake.handler);
    const { section, unread } = await readVelero(
      fakeClusterState(),
      target,
      options,
    );
    expect(unread).toEqual([]);
    expect(section!.backups[0].podVolumeBackupsCompleted).toBe(1);
    expect(
      fake.requests
        .find(r => r.pathname.endsWith('/podvolumebackups'))!
        .searchParams.get('labelSelector'),
    ).toBe('velero.io/backup-name in (odoo-daily-6)');
  });

  it('names every list that failed, so the verdict never reads it as empty', async () => {
    server.use(
      fakeCluster(veleroLists(), {
        [`${V}/backups`]: { status: 500 },
        '/apis/apps/v1/namespaces/velero/deployments': { status: 403 },
      }).handler,
    );
    const { section, unread } = await readVelero(
      fakeClusterState(),
      target,
      options,
    );
    expect(unread.sort()).toEqual(['velero.backups', 'velero.deployment']);
    expect(section!.server!.deploymentFound).toBeUndefined();
  });
});
