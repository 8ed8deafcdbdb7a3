import { KubeSimulator } from './KubeSimulator';

/**
 * What restore drills rely on: Velero resource modifiers, workloads and
 * claims coming up, namespace termination, the garbage collector, and a
 * recovery CNPG Cluster; and the controller faults that make them fail.
 */
const VELERO = '/apis/velero.io/v1/namespaces/velero';
const APP = 'business-system';
const DRILL = 'business-system-drill-1';
const CLUSTERS = `/apis/postgresql.cnpg.io/v1/namespaces/${APP}/clusters`;

type Sim = Awaited<ReturnType<typeof start>>;

async function start(options: { namespaceTerminationMs?: number } = {}) {
  const simulator = await KubeSimulator.start({
    identity: 'simulator-test',
    port: 0,
    controllerTickMs: 15,
    ...options,
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${simulator.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${simulator.token}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  return { simulator, call };
}

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  throw new Error('timed out');
}

function newestDaily(simulator: KubeSimulator): string {
  return simulator
    .list('velero.io/v1', 'Backup', 'velero')
    .filter(
      b =>
        b.metadata.labels?.['velero.io/schedule-name'] === 'odoo-daily' &&
        b.status?.phase === 'Completed',
    )
    .map(b => b.metadata.name)
    .sort()
    .pop()!;
}

const scaleToZero = (names: string) => ({
  version: 'v1',
  resourceModifierRules: [
    {
      conditions: {
        groupResource: 'deployments.apps',
        namespaces: [APP],
        resourceNameRegex: `^(${names})$`,
      },
      patches: [{ operation: 'add', path: '/spec/replicas', value: '0' }],
    },
  ],
});

async function drillRestore(sim: Sim, name: string, modifiers?: unknown) {
  await sim.call('POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: DRILL },
  });
  if (modifiers)
    await sim.call('POST', '/api/v1/namespaces/velero/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name },
      data: { 'modifiers.json': JSON.stringify(modifiers) },
    });
  await sim.call('POST', `${VELERO}/restores`, {
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: { name },
    spec: {
      backupName: newestDaily(sim.simulator),
      includedNamespaces: [APP],
      namespaceMapping: { [APP]: DRILL },
      excludedResources: [
        'pods',
        'replicasets.apps',
        'clusters.postgresql.cnpg.io',
      ],
      ...(modifiers ? { resourceModifier: { kind: 'ConfigMap', name } } : {}),
    },
  });
  return waitFor(() => {
    const r = sim.simulator.get('velero.io/v1', 'Restore', 'velero', name);
    return [
      'Completed',
      'PartiallyFailed',
      'Failed',
      'FailedValidation',
    ].includes(r?.status?.phase)
      ? r
      : undefined;
  });
}

const available = (sim: Sim, namespace: string, name: string) =>
  sim.simulator
    .get('apps/v1', 'Deployment', namespace, name)
    ?.status?.conditions?.find((c: any) => c.type === 'Available');

describe('KubeSimulator drills', () => {
  let sim: Sim;
  afterEach(() => sim?.simulator.stop());

  it('applies resource modifiers: the Deployment comes back scaled to zero and is Available, its claims Bound', async () => {
    sim = await start();
    const restore = await drillRestore(
      sim,
      'drill-scaled',
      scaleToZero('odoo'),
    );
    expect(restore.status.phase).toBe('Completed');
    const deployment = sim.simulator.get(
      'apps/v1',
      'Deployment',
      DRILL,
      'odoo',
    )!;
    expect(deployment.spec.replicas).toBe(0);
    expect(sim.simulator.list('v1', 'Pod', DRILL)).toEqual([]);
    expect(
      sim.simulator.list('postgresql.cnpg.io/v1', 'Cluster', DRILL),
    ).toEqual([]);
    expect(
      await waitFor(() =>
        available(sim, DRILL, 'odoo')?.status === 'True'
          ? available(sim, DRILL, 'odoo')
          : undefined,
      ),
    ).toMatchObject({ reason: 'MinimumReplicasAvailable' });
    const claims = await waitFor(() => {
      const pvcs = sim.simulator.list('v1', 'PersistentVolumeClaim', DRILL);
      return pvcs.length && pvcs.every(p => p.status?.phase === 'Bound')
        ? pvcs
        : undefined;
    });
    expect(claims.map(c => c.metadata.name).sort()).toEqual([
      'odoo-filestore',
      'odoo-pg-1',
      'odoo-pg-2',
      'odoo-pg-3',
    ]);
  });

  it('refuses a restore whose resource-modifier ConfigMap is missing, in Velero words', async () => {
    sim = await start();
    await sim.call('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: DRILL },
    });
    await sim.call('POST', `${VELERO}/restores`, {
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      metadata: { name: 'no-modifiers' },
      spec: {
        backupName: newestDaily(sim.simulator),
        resourceModifier: { kind: 'ConfigMap', name: 'absent' },
      },
    });
    const restore = await waitFor(() => {
      const r = sim.simulator.get(
        'velero.io/v1',
        'Restore',
        'velero',
        'no-modifiers',
      );
      return r?.status?.phase === 'FailedValidation' ? r : undefined;
    });
    expect(restore.status.validationErrors).toEqual([
      'failed to get resource modifiers configmap velero/absent',
    ]);
  });

  it('keeps a claim Pending under a pvcStaysPending fault, and its Deployment unavailable', async () => {
    sim = await start();
    sim.simulator.injectControllerFault({
      kind: 'pvcStaysPending',
      namespace: '*-drill-*',
      name: 'odoo-filestore',
    });
    await drillRestore(sim, 'drill-pending');
    await waitFor(() =>
      sim.simulator.get('v1', 'PersistentVolumeClaim', DRILL, 'odoo-pg-1')
        ?.status?.phase === 'Bound'
        ? true
        : undefined,
    );
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(
      sim.simulator.get('v1', 'PersistentVolumeClaim', DRILL, 'odoo-filestore')!
        .status.phase,
    ).toBe('Pending');
    expect(available(sim, DRILL, 'odoo')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
    });
  });

  it('terminates a deleted Namespace: Terminating, then its content and itself gone; no new content meanwhile', async () => {
    // Terminating for long enough that the refused create below is not a
    // race against one 15 ms tick on a busy machine.
    sim = await start({ namespaceTerminationMs: 1500 });
    await drillRestore(sim, 'drill-delete', scaleToZero('odoo'));
    const deleted = await sim.call('DELETE', `/api/v1/namespaces/${DRILL}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.status.phase).toBe('Terminating');
    expect(deleted.body.metadata.deletionTimestamp).toEqual(expect.any(String));
    const refused = await sim.call(
      'POST',
      `/api/v1/namespaces/${DRILL}/configmaps`,
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } },
    );
    expect(refused.status).toBe(403);
    await waitFor(() =>
      sim.simulator.get('v1', 'Namespace', undefined, DRILL) ? undefined : true,
    );
    expect(sim.simulator.list('apps/v1', 'Deployment', DRILL)).toEqual([]);
    expect(sim.simulator.list('v1', 'PersistentVolumeClaim', DRILL)).toEqual(
      [],
    );
    expect((await sim.call('GET', `/api/v1/namespaces/${DRILL}`)).status).toBe(
      404,
    );
  });

  function recoveryCluster(
    name: string,
    targetTime: string,
    objectStore = 'odoo-objstore',
  ) {
    return {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name },
      spec: {
        instances: 1,
        imageName: 'ghcr.io/cloudnative-pg/postgresql:17.2',
        storage: { size: '10Gi', storageClass: 'ceph-block' },
        bootstrap: {
          recovery: { source: 'origin', recoveryTarget: { targetTime } },
        },
        externalClusters: [
          {
            name: 'origin',
            plugin: {
              name: 'barman-cloud.cloudnative-pg.io',
              parameters: {
                barmanObjectName: objectStore,
                serverName: 'odoo-pg',
              },
            },
          },
        ],
      },
    };
  }

  const clusterStatus = (name: string) =>
    sim.simulator.get('postgresql.cnpg.io/v1', 'Cluster', APP, name)?.status;

  it('recovers a CNPG Cluster to Ready; deleting it takes its instance, PVC and Job along', async () => {
    sim = await start();
    const target = new Date(Date.now() - 10 * 60_000).toISOString();
    await sim.call('POST', CLUSTERS, recoveryCluster('odoo-pg-drill', target));
    expect(
      await waitFor(() =>
        clusterStatus('odoo-pg-drill')?.phase === 'Setting up primary'
          ? clusterStatus('odoo-pg-drill')
          : undefined,
      ),
    ).toMatchObject({
      phaseReason: 'Creating primary instance odoo-pg-drill-1',
      conditions: [expect.objectContaining({ type: 'Ready', status: 'False' })],
    });
    const ready = await waitFor(() =>
      clusterStatus('odoo-pg-drill')?.conditions?.find(
        (c: any) => c.type === 'Ready' && c.status === 'True',
      ),
    );
    expect(ready.reason).toBe('ClusterIsReady');
    expect(clusterStatus('odoo-pg-drill')).toMatchObject({
      phase: 'Cluster in healthy state',
      readyInstances: 1,
      currentPrimary: 'odoo-pg-drill-1',
    });
    expect(
      sim.simulator.get(
        'batch/v1',
        'Job',
        APP,
        'odoo-pg-drill-1-full-recovery',
      )!.status.succeeded,
    ).toBe(1);
    expect((await sim.call('DELETE', `${CLUSTERS}/odoo-pg-drill`)).status).toBe(
      200,
    );
    expect(
      sim.simulator.get('v1', 'Pod', APP, 'odoo-pg-drill-1'),
    ).toBeUndefined();
    expect(
      sim.simulator.get('v1', 'PersistentVolumeClaim', APP, 'odoo-pg-drill-1'),
    ).toBeUndefined();
    expect(
      sim.simulator.get(
        'batch/v1',
        'Job',
        APP,
        'odoo-pg-drill-1-full-recovery',
      ),
    ).toBeUndefined();
    // The app's own cluster is untouched.
    expect(sim.simulator.get('v1', 'Pod', APP, 'odoo-pg-1')).toBeDefined();
  });

  it.each([
    ['a cnpgRecoveryFails fault', 'odoo-objstore', true],
    ['an ObjectStore not in the Cluster namespace', 'elsewhere', false],
  ])(
    'makes a recovery fail on %s, as CNPG 1.30 reports it',
    async (_what, store, fault) => {
      sim = await start();
      if (fault)
        sim.simulator.injectControllerFault({
          kind: 'cnpgRecoveryFails',
          name: 'odoo-pg-drill',
        });
      const target = new Date(Date.now() - 10 * 60_000).toISOString();
      await sim.call(
        'POST',
        CLUSTERS,
        recoveryCluster('odoo-pg-drill', target, store),
      );
      const failed = await waitFor(() =>
        clusterStatus('odoo-pg-drill')?.phase ===
        'Cluster is unrecoverable and needs manual intervention'
          ? clusterStatus('odoo-pg-drill')
          : undefined,
      );
      expect(failed.phaseReason).toBe(
        'Instance creation failed for the following jobs: odoo-pg-drill-1-full-recovery. Check the job logs to investigate the cause of the failure.',
      );
      expect(failed.conditions).toEqual([
        expect.objectContaining({ type: 'Ready', status: 'False' }),
      ]);
    },
  );

  it('fails a recovery whose target lies after the archived WAL', async () => {
    sim = await start();
    const future = new Date(Date.now() + 3600_000).toISOString();
    await sim.call('POST', CLUSTERS, recoveryCluster('odoo-pg-drill', future));
    const failed = await waitFor(() =>
      clusterStatus('odoo-pg-drill')?.phase?.startsWith(
        'Cluster is unrecoverable',
      )
        ? clusterStatus('odoo-pg-drill')
        : undefined,
    );
    expect(
      sim.simulator.get(
        'batch/v1',
        'Job',
        APP,
        'odoo-pg-drill-1-full-recovery',
      )!.status.conditions,
    ).toEqual([
      expect.objectContaining({
        type: 'Failed',
        reason: 'BackoffLimitExceeded',
      }),
    ]);
    expect(failed.conditions[0].status).toBe('False');
  });
  const RDS = `/apis/volsync.backube/v1alpha1/namespaces/${APP}/replicationdestinations`;
  const destination = (name: string) => ({
    apiVersion: 'volsync.backube/v1alpha1',
    kind: 'ReplicationDestination',
    metadata: { name },
    spec: {
      trigger: { manual: 'drill-1' },
      restic: {
        repository: 'odoo-filestore-restic',
        copyMethod: 'Direct',
        capacity: '10Gi',
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'ceph-block',
      },
    },
  });
  const rdStatus = (name: string) =>
    sim.simulator.get(
      'volsync.backube/v1alpha1',
      'ReplicationDestination',
      APP,
      name,
    )?.status;

  it('restores a restic snapshot into a new PVC: latestImage, lastManualSync, then gone with its PVC', async () => {
    sim = await start();
    await sim.call('POST', RDS, destination('filestore-drill'));
    const done = await waitFor(() =>
      rdStatus('filestore-drill')?.latestImage
        ? rdStatus('filestore-drill')
        : undefined,
    );
    expect(done).toMatchObject({
      lastManualSync: 'drill-1',
      latestImage: {
        apiGroup: '',
        kind: 'PersistentVolumeClaim',
        name: 'volsync-filestore-drill-dest',
      },
      latestMoverStatus: { result: 'Successful' },
      conditions: [expect.objectContaining({ reason: 'WaitingForManual' })],
    });
    expect(done.lastSyncStartTime).toBeUndefined();
    expect(
      sim.simulator.get(
        'v1',
        'PersistentVolumeClaim',
        APP,
        'volsync-filestore-drill-dest',
      )!.status.phase,
    ).toBe('Bound');
    await sim.call('DELETE', `${RDS}/filestore-drill`);
    expect(
      sim.simulator.get(
        'v1',
        'PersistentVolumeClaim',
        APP,
        'volsync-filestore-drill-dest',
      ),
    ).toBeUndefined();
  });

  it('reports a failed restic mover under a volsyncMoverFails fault, still synchronizing', async () => {
    sim = await start();
    sim.simulator.injectControllerFault({ kind: 'volsyncMoverFails' });
    await sim.call('POST', RDS, destination('filestore-drill'));
    const failed = await waitFor(() =>
      rdStatus('filestore-drill')?.latestMoverStatus
        ? rdStatus('filestore-drill')
        : undefined,
    );
    expect(failed.latestMoverStatus.result).toBe('Failed');
    expect(failed.latestImage).toBeUndefined();
    expect(failed.conditions).toEqual([
      expect.objectContaining({ status: 'True', reason: 'SyncInProgress' }),
    ]);
  });
});
