import { gunzipSync } from 'node:zlib';
import { KubeSimulator, KubeSimulatorOptions } from './KubeSimulator';
import { KubeObject } from './store/KubeObject';

/**
 * Restores, DownloadRequests and Flux suspend, through the REST API as the
 * backend uses them. The tests act as their own identity (see
 * KubeSimulator.test.ts).
 */
const VELERO = '/apis/velero.io/v1/namespaces/velero';
const APP = 'business-system';
const TARGET = 'business-system-restore';
const KS =
  '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations';

type Sim = {
  simulator: KubeSimulator;
  call: (
    method: string,
    path: string,
    body?: unknown,
    type?: string,
  ) => Promise<any>;
};

async function start(options: KubeSimulatorOptions = {}): Promise<Sim> {
  const simulator = await KubeSimulator.start({
    identity: 'simulator-test',
    port: 0,
    controllerTickMs: 15,
    ...options,
  });
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    type = 'application/json',
  ) => {
    const res = await fetch(`${simulator.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${simulator.token}`,
        'Content-Type': type,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw Object.assign(new Error(json.message), { status: json });
    return json;
  };
  return { simulator, call };
}

async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  throw new Error('timed out');
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The `data` of a ConfigMap or Secret. */
const dataOf = (o: KubeObject | undefined) =>
  (o?.data ?? {}) as Record<string, string>;

const workers = (simulator: KubeSimulator) =>
  dataOf(simulator.get('v1', 'ConfigMap', APP, 'odoo-config')).ODOO_WORKERS;

function newestDaily(simulator: KubeSimulator): string {
  return simulator
    .list('velero.io/v1', 'Backup', 'velero')
    .filter(
      b => b.metadata.labels?.['velero.io/schedule-name'] === 'odoo-daily',
    )
    .map(b => b.metadata.name)
    .sort()
    .pop()!;
}

function manualBackup(simulator: KubeSimulator): string {
  return simulator
    .list('velero.io/v1', 'Backup', 'velero')
    .find(b => b.metadata.name.startsWith('odoo-test-'))!.metadata.name;
}

async function restore(sim: Sim, name: string, spec: Record<string, unknown>) {
  await sim.call('POST', `${VELERO}/restores`, {
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: { name },
    spec,
  });
  return waitFor(async () => {
    const r = await sim.call('GET', `${VELERO}/restores/${name}`);
    return [
      'Completed',
      'PartiallyFailed',
      'Failed',
      'FailedValidation',
    ].includes(r.status?.phase)
      ? r
      : undefined;
  });
}

/** Creates a DownloadRequest and waits for the controller to process it. */
async function download(sim: Sim, name: string, kind: string, target: string) {
  await sim.call('POST', `${VELERO}/downloadrequests`, {
    apiVersion: 'velero.io/v1',
    kind: 'DownloadRequest',
    metadata: { name },
    spec: { target: { kind, name: target } },
  });
  return waitFor(async () => {
    const r = await sim.call('GET', `${VELERO}/downloadrequests/${name}`);
    return r.status?.expiration ? r : undefined;
  });
}

describe('KubeSimulator restores', () => {
  let sim: Sim;
  afterEach(() => sim.simulator.stop());

  it('restores a backup into business-system-restore with namespaceMapping, labelled as Velero labels', async () => {
    sim = await start();
    const { simulator } = sim;
    const backup = manualBackup(simulator);
    const done = await restore(sim, 'to-copy', {
      backupName: backup,
      includedNamespaces: [APP],
      namespaceMapping: { [APP]: TARGET },
    });
    expect(done.status).toEqual({
      phase: 'Completed',
      startTimestamp: expect.any(String),
      completionTimestamp: expect.any(String),
      progress: {
        totalItems: expect.any(Number),
        itemsRestored: done.status.progress.totalItems,
      },
    });
    // The backed-up Namespace's labels come with it: it claims the entity too.
    const ns = simulator.get('v1', 'Namespace', undefined, TARGET)!;
    expect(ns.metadata.labels).toEqual({
      'kubernetes.io/metadata.name': TARGET,
      'backstage.io/kubernetes-id': 'odoo',
    });
    const labels = {
      'velero.io/backup-name': backup,
      'velero.io/restore-name': 'to-copy',
    };
    for (const [apiVersion, kind, name] of [
      ['apps/v1', 'Deployment', 'odoo'],
      ['v1', 'Service', 'odoo'],
      ['v1', 'ConfigMap', 'odoo-config'],
      ['v1', 'Secret', 'odoo-pg-app'],
      ['v1', 'PersistentVolumeClaim', 'odoo-filestore'],
      ['v1', 'PersistentVolumeClaim', 'odoo-pg-1'],
      ['postgresql.cnpg.io/v1', 'Cluster', 'odoo-pg'],
    ]) {
      const o = simulator.get(apiVersion, kind, TARGET, name);
      expect([kind, name, o?.metadata.labels]).toEqual([
        kind,
        name,
        expect.objectContaining(labels),
      ]);
      expect(o!.metadata.ownerReferences).toBeUndefined();
    }
    // Status is not restored (the deployment controller reports on the new
    // object, generation 1); the API server allocates a new cluster IP.
    const backedUp = simulator
      .backupContents(backup)!
      .find(o => o.kind === 'Deployment' && o.metadata.name === 'odoo')!;
    expect(backedUp.status.observedGeneration).toBeGreaterThan(1);
    expect(
      simulator.get('apps/v1', 'Deployment', TARGET, 'odoo')!.status
        ?.observedGeneration ?? 1,
    ).toBe(1);
    expect(
      simulator.get('v1', 'Service', TARGET, 'odoo')!.spec.clusterIP,
    ).toBeUndefined();
    // A CSI-snapshotted PVC comes back from its VolumeSnapshot, Bound to a new PV.
    const pg = await waitFor(() => {
      const pvc = simulator.get(
        'v1',
        'PersistentVolumeClaim',
        TARGET,
        'odoo-pg-1',
      )!;
      return pvc.status?.phase === 'Bound' ? pvc : undefined;
    });
    expect(pg.spec.dataSource).toMatchObject({ kind: 'VolumeSnapshot' });
    expect(pg.spec.volumeName).toBe(`pvc-${pg.metadata.uid}`);
    const pv = simulator.get(
      'v1',
      'PersistentVolume',
      undefined,
      pg.spec.volumeName,
    )!;
    expect(pv.spec.claimRef).toMatchObject({
      namespace: TARGET,
      name: 'odoo-pg-1',
    });
    expect(
      simulator.get(
        'snapshot.storage.k8s.io/v1',
        'VolumeSnapshot',
        TARGET,
        pg.spec.dataSource.name,
      ),
    ).toBeDefined();
    // No cluster-scoped object of the backup is restored.
    const clusterScoped = [
      ...simulator.list('v1', 'PersistentVolume'),
      ...simulator.list('storage.k8s.io/v1', 'StorageClass'),
      ...simulator.list('snapshot.storage.k8s.io/v1', 'VolumeSnapshotClass'),
    ];
    expect(
      clusterScoped.filter(o => o.metadata.labels?.['velero.io/restore-name']),
    ).toEqual([]);
    // The source namespace is untouched.
    expect(
      simulator.get('apps/v1', 'Deployment', APP, 'odoo')!.metadata.labels?.[
        'velero.io/restore-name'
      ],
    ).toBeUndefined();
  });

  it('restorePVs false: PVCs come back without a data source; the filter keeps what it names', async () => {
    sim = await start();
    const { simulator } = sim;
    const done = await restore(sim, 'claims-only', {
      backupName: newestDaily(simulator),
      namespaceMapping: { [APP]: TARGET },
      includedResources: ['persistentvolumeclaims'],
      restorePVs: false,
    });
    expect(done.status.phase).toBe('Completed');
    const claims = simulator.list('v1', 'PersistentVolumeClaim', TARGET);
    expect(claims.map(c => c.metadata.name)).toEqual([
      'odoo-filestore',
      'odoo-pg-1',
      'odoo-pg-2',
      'odoo-pg-3',
    ]);
    expect(claims.every(c => c.spec.dataSource === undefined)).toBe(true);
    expect(simulator.list('apps/v1', 'Deployment', TARGET)).toEqual([]);
    expect(
      simulator.list('snapshot.storage.k8s.io/v1', 'VolumeSnapshot', TARGET),
    ).toEqual([]);
    // odoo-daily does not take Namespace objects: a bare one is created.
    expect(
      simulator.get('v1', 'Namespace', undefined, TARGET)!.metadata.labels,
    ).toEqual({
      'kubernetes.io/metadata.name': TARGET,
    });
  });

  it('existingResourcePolicy none skips a changed object with a warning; update puts it back', async () => {
    sim = await start();
    const { simulator } = sim;
    const backup = newestDaily(simulator);
    const scale = () =>
      sim.call(
        'PATCH',
        `/apis/apps/v1/namespaces/${APP}/deployments/odoo`,
        { spec: { replicas: 3 } },
        'application/merge-patch+json',
      );
    await scale();
    const kept = await restore(sim, 'in-place-none', {
      backupName: backup,
      existingResourcePolicy: 'none',
    });
    expect(kept.status.phase).toBe('Completed');
    expect(kept.status.warnings).toBeGreaterThan(0);
    const deployment = simulator.get('apps/v1', 'Deployment', APP, 'odoo')!;
    expect(deployment.spec.replicas).toBe(3);
    expect(
      deployment.metadata.labels?.['velero.io/restore-name'],
    ).toBeUndefined();
    const results = await downloadJson(
      sim,
      'none-results',
      'RestoreResults',
      'in-place-none',
    );
    expect(results.warnings.namespaces[APP]).toContain(
      'could not restore, Deployment "odoo" already exists. Warning: the in-cluster version is different than the backed-up version',
    );

    const updated = await restore(sim, 'in-place-update', {
      backupName: backup,
      existingResourcePolicy: 'update',
    });
    expect(updated.status.phase).toBe('Completed');
    const back = simulator.get('apps/v1', 'Deployment', APP, 'odoo')!;
    expect(back.spec.replicas).toBe(1);
    expect(back.metadata.labels).toMatchObject({
      'velero.io/backup-name': backup,
      'velero.io/restore-name': 'in-place-update',
      'app.kubernetes.io/managed-by': 'Helm',
    });
    // Status is the live object's; uid and creation stay.
    expect(back.metadata.uid).toBe(deployment.metadata.uid);
    expect(back.status).toEqual(deployment.status);
    const list = await downloadJson(
      sim,
      'update-list',
      'RestoreResourceList',
      'in-place-update',
    );
    expect(list['apps/v1/Deployment']).toEqual([`${APP}/odoo(updated)`]);
    // A pod's spec is immutable: the patch is refused, a warning, labels only.
    expect(list['v1/Pod']).toContain(`${APP}/odoo-pg-1(failed)`);
  });

  it('brings back an object a backup created through the API took, after it was deleted', async () => {
    sim = await start();
    const { simulator, call } = sim;
    await call('POST', `/api/v1/namespaces/${APP}/configmaps`, {
      metadata: {
        name: 'odoo-extra',
        labels: { 'app.kubernetes.io/name': 'odoo' },
      },
      data: { note: 'before' },
    });
    await call('POST', `${VELERO}/backups`, {
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      metadata: { name: 'odoo-now' },
      spec: {
        includedNamespaces: [APP],
        labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'odoo' } },
      },
    });
    await waitFor(async () => {
      const b = await call('GET', `${VELERO}/backups/odoo-now`);
      return b.status?.phase === 'Completed' ? b : undefined;
    });
    // The Backup object carries no contents, only Velero's fields.
    expect(
      Object.keys(
        simulator.get('velero.io/v1', 'Backup', 'velero', 'odoo-now')!,
      ),
    ).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    await call('DELETE', `/api/v1/namespaces/${APP}/configmaps/odoo-extra`);
    const done = await restore(sim, 'bring-back', { backupName: 'odoo-now' });
    expect(done.status.phase).toBe('Completed');
    expect(simulator.get('v1', 'ConfigMap', APP, 'odoo-extra')).toMatchObject({
      data: { note: 'before' },
      metadata: { labels: { 'velero.io/restore-name': 'bring-back' } },
    });
  });

  it('fails validation for a missing backup, a deleted one and an unavailable location', async () => {
    sim = await start({ scenario: 'velero-failing' });
    const { simulator, call } = sim;
    const missing = await restore(sim, 'no-backup', { backupName: 'nope' });
    expect(missing.status).toEqual({
      phase: 'FailedValidation',
      validationErrors: [
        `Error retrieving backup: can't find backup velero/nope: backups.velero.io "nope" not found`,
      ],
    });
    const unavailable = await restore(sim, 'bucket-gone', {
      backupName: newestDaily(simulator),
    });
    expect(unavailable.status).toEqual({
      phase: 'FailedValidation',
      validationErrors: [
        'The BSL gcs is unavailable, cannot retrieve the backup',
      ],
    });
    const backup = newestDaily(simulator);
    await call('DELETE', `${VELERO}/backups/${backup}`);
    const deleted = await restore(sim, 'deleted-backup', {
      backupName: backup,
    });
    expect(deleted.status.phase).toBe('FailedValidation');
  });

  it('resolves scheduleName to the newest Completed backup of the schedule', async () => {
    sim = await start();
    const done = await restore(sim, 'from-schedule', {
      scheduleName: 'odoo-daily',
      namespaceMapping: { [APP]: TARGET },
    });
    expect(done.spec).toMatchObject({
      scheduleName: 'odoo-daily',
      backupName: newestDaily(sim.simulator),
      itemOperationTimeout: '4h0m0s',
    });
    expect(done.status.phase).toBe('Completed');
  });
});

async function downloadJson(
  sim: Sim,
  name: string,
  kind: string,
  target: string,
) {
  const request = await download(sim, name, kind, target);
  const res = await fetch(request.status.downloadURL);
  return JSON.parse(
    gunzipSync(Buffer.from(await res.arrayBuffer())).toString(),
  );
}

describe('KubeSimulator DownloadRequests', () => {
  let sim: Sim;
  afterEach(() => sim.simulator.stop());

  it('serves a BackupResourceList as gzip JSON without a token, until it expires', async () => {
    let now = Date.now();
    sim = await start({ now: () => new Date(now), downloadRequestSyncMs: 20 });
    const { simulator } = sim;
    const backup = newestDaily(simulator);
    const request = await download(sim, 'list', 'BackupResourceList', backup);
    expect(request.status).toEqual({
      phase: 'Processed',
      downloadURL: expect.stringMatching(
        new RegExp(`^${simulator.url}/download/[0-9a-f]{48}$`),
      ),
      expiration: new Date(Math.floor(now / 1000) * 1000 + 600_000)
        .toISOString()
        .replace('.000Z', 'Z'),
    });
    const before = simulator.requestLog().length;
    const res = await fetch(request.status.downloadURL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-gzip');
    expect(res.headers.get('content-encoding')).toBeNull();
    const list = JSON.parse(
      gunzipSync(Buffer.from(await res.arrayBuffer())).toString(),
    );
    expect(list).toMatchObject({
      'apps/v1/Deployment': [`${APP}/odoo`],
      'v1/PersistentVolumeClaim': [
        `${APP}/odoo-filestore`,
        `${APP}/odoo-pg-1`,
        `${APP}/odoo-pg-2`,
        `${APP}/odoo-pg-3`,
      ],
      'v1/ConfigMap': [`${APP}/odoo-config`],
      'v1/Secret': [`${APP}/odoo-pg-app`],
      'snapshot.storage.k8s.io/v1/VolumeSnapshotClass': ['csi-ceph-blockpool'],
    });
    expect(list['v1/PersistentVolume']).toHaveLength(4);
    // Object storage, not the API server: nothing in the request log.
    expect(simulator.requestLog()).toHaveLength(before);

    now += 10 * 60_000 + 1000;
    const expired = await fetch(request.status.downloadURL);
    expect(expired.status).toBe(400);
    expect(await expired.text()).toMatch(/<Code>ExpiredToken<\/Code>/);
    await waitFor(() =>
      simulator.get('velero.io/v1', 'DownloadRequest', 'velero', 'list')
        ? undefined
        : true,
    );
  });

  it('serves logs without Secret data, contents as tar.gz; an unknown target keeps no phase', async () => {
    sim = await start();
    const { simulator } = sim;
    const backup = newestDaily(simulator);
    const log = await download(sim, 'log', 'BackupLog', backup);
    const text = gunzipSync(
      Buffer.from(await (await fetch(log.status.downloadURL)).arrayBuffer()),
    ).toString();
    expect(text.split('\n')[0]).toMatch(
      /^time="[^"]+" level=info msg="Setting up backup temp file" backup=velero\/odoo-daily-\d{14} logSource=/,
    );
    expect(text).toMatch(/name=odoo-pg-app namespace=business-system/);
    const secret = dataOf(simulator.get('v1', 'Secret', APP, 'odoo-pg-app'));
    for (const key of ['password', 'uri']) {
      expect(text).not.toContain(secret[key]);
      expect(text).not.toContain(Buffer.from(secret[key], 'base64').toString());
    }

    const contents = await download(sim, 'contents', 'BackupContents', backup);
    const tar = gunzipSync(
      Buffer.from(
        await (await fetch(contents.status.downloadURL)).arrayBuffer(),
      ),
    ).toString('latin1');
    expect(tar).toContain('metadata/version');
    expect(tar).toContain(
      'resources/deployments.apps/namespaces/business-system/odoo.json',
    );

    const unknown = await download(sim, 'unknown', 'BackupLog', 'nope');
    expect(unknown.status).toEqual({ expiration: expect.any(String) });
    const forRestore = await download(sim, 'restore-log', 'RestoreLog', 'nope');
    expect(forRestore.status.phase).toBeUndefined();
  });

  it('refuses a strategic merge patch of a custom resource, as the API server does', async () => {
    sim = await start();
    await expect(
      sim.call(
        'PATCH',
        `${KS}/odoo`,
        { spec: { suspend: true } },
        'application/strategic-merge-patch+json',
      ),
    ).rejects.toMatchObject({ status: { code: 415 } });
  });

  it('refuses an unknown target kind as the CRD does, and a wrong token', async () => {
    sim = await start();
    await expect(
      sim.call('POST', `${VELERO}/downloadrequests`, {
        apiVersion: 'velero.io/v1',
        kind: 'DownloadRequest',
        metadata: { name: 'bad' },
        spec: { target: { kind: 'Everything', name: 'x' } },
      }),
    ).rejects.toMatchObject({ status: { code: 422 } });
    const res = await fetch(`${sim.simulator.url}/download/not-a-token`);
    expect(res.status).toBe(403);
  });

  it('answers 404 NoSuchKey for a file not uploaded yet, NoSuchBucket while the location is Unavailable', async () => {
    // Ticks slow enough that the restore still runs when its log is asked
    // for, however busy the machine (the download is processed at once).
    sim = await start({ controllerTickMs: 1000 });
    await sim.call('POST', `${VELERO}/restores`, {
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      metadata: { name: 'slow' },
      spec: {
        backupName: newestDaily(sim.simulator),
        namespaceMapping: { [APP]: TARGET },
      },
    });
    const early = await download(sim, 'early', 'RestoreLog', 'slow');
    expect(early.status.phase).toBe('Processed');
    const missing = await fetch(early.status.downloadURL);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(
      '<Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Details>No such object: hayden-velero-backups/restores/slow/restore-slow-logs.gz</Details>',
    );
    await sim.simulator.stop();

    sim = await start({ scenario: 'velero-failing' });
    const failed = await download(
      sim,
      'failed-log',
      'BackupLog',
      newestDaily(sim.simulator),
    );
    const gone = await fetch(failed.status.downloadURL);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('<Code>NoSuchBucket</Code>');
  });

  it('restore logs and results after the restore', async () => {
    sim = await start();
    const early = await download(
      sim,
      'early',
      'BackupLog',
      'odoo-daily-missing',
    );
    expect(early.status.phase).toBeUndefined();
    await restore(sim, 'r1', {
      backupName: newestDaily(sim.simulator),
      namespaceMapping: { [APP]: TARGET },
    });
    const log = await download(sim, 'r1-log', 'RestoreLog', 'r1');
    const text = gunzipSync(
      Buffer.from(await (await fetch(log.status.downloadURL)).arrayBuffer()),
    ).toString();
    expect(text).toMatch(/msg="starting restore"/);
    expect(text).toMatch(
      /msg="Restoring resource 'deployments.apps' into namespace 'business-system-restore'"/,
    );
    expect(text.trim().split('\n').pop()).toMatch(/msg="restore completed"/);
    sim.simulator.remove('velero.io/v1', 'Restore', 'velero', 'r1');
  });
});

describe('KubeSimulator Flux', () => {
  let sim: Sim;
  afterEach(() => sim.simulator.stop());

  const ks = (simulator: KubeSimulator, name = 'odoo') =>
    simulator.get(
      'kustomize.toolkit.fluxcd.io/v1',
      'Kustomization',
      'flux-system',
      name,
    )!;
  const ready = (o: KubeObject) =>
    o.status.conditions.find((c: any) => c.type === 'Ready');

  it('a Kustomization that is not suspended observes its generation and puts its objects back', async () => {
    let now = Date.now();
    sim = await start({ now: () => new Date(now) });
    const { simulator, call } = sim;
    await call(
      'PATCH',
      `${KS}/odoo`,
      {
        metadata: {
          annotations: { 'reconcile.fluxcd.io/requestedAt': 'now-1' },
        },
        spec: { interval: '10m' },
      },
      'application/merge-patch+json',
    );
    now += 5000;
    const reconciled = await waitFor(() => {
      const o = ks(simulator);
      return o.status.observedGeneration === o.metadata.generation &&
        o.status.lastHandledReconcileAt === 'now-1'
        ? o
        : undefined;
    });
    expect(reconciled.metadata.generation).toBe(3);
    await waitFor(() =>
      Date.parse(ready(ks(simulator)).lastTransitionTime) >=
      Math.floor(now / 1000) * 1000
        ? true
        : undefined,
    );
    // Drift on an object of its inventory is put back to Git's state.
    await call(
      'PATCH',
      `/api/v1/namespaces/${APP}/configmaps/odoo-config`,
      { data: { ODOO_WORKERS: '9' }, metadata: { labels: { extra: 'kept' } } },
      'application/merge-patch+json',
    );
    const back = await waitFor(() => {
      const cm = simulator.get('v1', 'ConfigMap', APP, 'odoo-config')!;
      return dataOf(cm).ODOO_WORKERS === '4' ? cm : undefined;
    });
    expect(back.metadata.labels?.extra).toBe('kept');
  });

  it('a suspended Kustomization keeps its status and applies nothing', async () => {
    let now = Date.now();
    sim = await start({ now: () => new Date(now) });
    const { simulator, call } = sim;
    const patch = (body: unknown) =>
      call('PATCH', `${KS}/odoo`, body, 'application/merge-patch+json');
    await patch({ spec: { suspend: true } });
    // Its Ready is True, so finalizeStatus records the generation of the suspend.
    const suspended = await waitFor(() => {
      const o = ks(simulator);
      return o.status.observedGeneration === o.metadata.generation
        ? o
        : undefined;
    });
    now += 60_000;
    await call(
      'PATCH',
      `/api/v1/namespaces/${APP}/configmaps/odoo-config`,
      { data: { ODOO_WORKERS: '9' } },
      'application/merge-patch+json',
    );
    await sleep(100);
    expect(ks(simulator).status).toEqual(suspended.status);
    expect(workers(simulator)).toBe('9');

    // Not Ready: a new generation is not observed while suspended.
    simulator.apply({
      ...ks(simulator),
      status: {
        ...suspended.status,
        conditions: [
          { ...ready(suspended), status: 'False', reason: 'HealthCheckFailed' },
        ],
      },
    });
    await patch({ spec: { interval: '5m' } });
    await sleep(100);
    const kept = ks(simulator);
    expect(kept.metadata.generation).toBe(suspended.metadata.generation! + 1);
    expect(kept.status.observedGeneration).toBe(
      suspended.status.observedGeneration,
    );

    // Resumed: reconciled at once, and the drift is gone.
    await patch({ spec: { suspend: false } });
    await waitFor(() => {
      const o = ks(simulator);
      return o.status.observedGeneration === o.metadata.generation &&
        ready(o).status === 'True'
        ? o
        : undefined;
    });
    await waitFor(() => (workers(simulator) === '4' ? true : undefined));
  });

  it('a suspended HelmRelease keeps its conditions and observes its generation', async () => {
    sim = await start();
    const { simulator, call } = sim;
    const hr = () =>
      simulator.get('helm.toolkit.fluxcd.io/v2', 'HelmRelease', APP, 'odoo')!;
    const before = hr();
    await call(
      'PATCH',
      `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${APP}/helmreleases/odoo`,
      { spec: { suspend: true } },
      'application/merge-patch+json',
    );
    const after = await waitFor(() =>
      hr().status.observedGeneration === before.metadata.generation! + 1
        ? hr()
        : undefined,
    );
    expect(after.status.conditions).toEqual(before.status.conditions);
    expect(after.status.lastAttemptedGeneration).toBe(
      before.status.lastAttemptedGeneration,
    );
    // The Kustomization that applies it does not undo a field Git does not set.
    await sleep(60);
    expect(hr().spec.suspend).toBe(true);
  });
});
