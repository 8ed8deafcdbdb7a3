import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  Watch,
} from '@kubernetes/client-node';
import { KubeSimulator, KubeSimulatorOptions } from './KubeSimulator';

/**
 * These tests create, patch and watch as no plugin does: they act as their
 * own identity, so that a request log of theirs never reads as the backups
 * plugin's (see scripts/check-rbac.js).
 */
function start(options: KubeSimulatorOptions = {}) {
  return KubeSimulator.start({ identity: 'simulator-test', ...options });
}

function kubeConfig(simulator: KubeSimulator, token = simulator.token) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'sim', server: simulator.url, skipTLSVerify: true }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'u' }],
    currentContext: 'sim',
  });
  return kc;
}

async function apiError(
  promise: Promise<unknown>,
): Promise<ApiException<string>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const velero = { group: 'velero.io', version: 'v1', namespace: 'velero' };

/** Creates a Velero object and waits until the controller has moved it so far. */
async function createAndAwait(
  custom: CustomObjectsApi,
  plural: string,
  body: any,
  until: (status: any) => boolean,
): Promise<any> {
  await custom.createNamespacedCustomObject({ ...velero, plural, body });
  return waitFor(async () => {
    const o: any = await custom.getNamespacedCustomObject({
      ...velero,
      plural,
      name: body.metadata.name,
    });
    return until(o.status ?? {}) ? o : undefined;
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  throw new Error('timed out');
}

describe('KubeSimulator', () => {
  let simulator: KubeSimulator;
  let custom: CustomObjectsApi;

  beforeEach(async () => {
    simulator = await start({ port: 0, controllerTickMs: 20 });
    custom = kubeConfig(simulator).makeApiClient(CustomObjectsApi);
  });
  afterEach(() => simulator.stop());

  it('lists by label selector, equality and set-based', async () => {
    const daily = await custom.listNamespacedCustomObject({
      ...velero,
      plural: 'backups',
      labelSelector: 'velero.io/schedule-name=odoo-daily',
    });
    expect(daily.items).toHaveLength(7);
    expect(
      daily.items.every((b: any) =>
        /^odoo-daily-\d{14}$/.test(b.metadata.name),
      ),
    ).toBe(true);
    const manual = await custom.listNamespacedCustomObject({
      ...velero,
      plural: 'backups',
      labelSelector: '!velero.io/schedule-name',
    });
    expect(manual.items.map((b: any) => b.metadata.name)).toEqual([
      expect.stringMatching(/^odoo-test-\d{8}-\d{4}$/),
    ]);
    const set = await custom.listNamespacedCustomObject({
      ...velero,
      plural: 'backups',
      labelSelector: 'velero.io/schedule-name in (odoo-daily,other)',
    });
    expect(set.items).toHaveLength(7);
  });

  it('pages with limit and continue', async () => {
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await custom.listNamespacedCustomObject({
        ...velero,
        plural: 'backups',
        limit: 3,
        _continue: token,
      });
      names.push(...page.items.map((b: any) => b.metadata.name));
      token = page.metadata.continue;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(names).toHaveLength(8);
    expect(new Set(names).size).toBe(8);
  });

  it('filters by field selector across namespaces', async () => {
    const core = kubeConfig(simulator).makeApiClient(CoreV1Api);
    const pvcs = await core.listPersistentVolumeClaimForAllNamespaces({
      fieldSelector: 'metadata.name=odoo-filestore',
    });
    expect(
      pvcs.items.map(p => `${p.metadata?.namespace}/${p.metadata?.name}`),
    ).toEqual(['business-system/odoo-filestore']);
  });

  it('answers real Status errors: 401, 404 object, 409, 422 and 400', async () => {
    const anonymous = kubeConfig(simulator, 'wrong').makeApiClient(
      CustomObjectsApi,
    );
    expect(
      (
        await apiError(
          anonymous.listNamespacedCustomObject({
            ...velero,
            plural: 'backups',
          }),
        )
      ).code,
    ).toBe(401);

    const missing = await apiError(
      custom.getNamespacedCustomObject({
        ...velero,
        plural: 'backups',
        name: 'nope',
      }),
    );
    expect(missing.code).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: 'backups.velero.io "nope" not found',
    });

    const schedule = await custom.getNamespacedCustomObject({
      ...velero,
      plural: 'schedules',
      name: 'odoo-daily',
    });
    const duplicate = await apiError(
      custom.createNamespacedCustomObject({
        ...velero,
        plural: 'schedules',
        body: { ...schedule, metadata: { name: 'odoo-daily' } },
      }),
    );
    expect(duplicate.code).toBe(409);
    expect(JSON.parse(duplicate.body).reason).toBe('AlreadyExists');

    const invalid = await apiError(
      custom.createNamespacedCustomObject({
        ...velero,
        plural: 'schedules',
        body: {
          apiVersion: 'velero.io/v1',
          kind: 'Schedule',
          metadata: { name: 'bad' },
          spec: { schedule: 5, template: {} },
        },
      }),
    );
    expect(invalid.code).toBe(422);
    expect(JSON.parse(invalid.body).message).toMatch(/spec.schedule/);

    expect(
      (
        await apiError(
          custom.listNamespacedCustomObject({
            ...velero,
            plural: 'backups',
            labelSelector: 'a in (',
          }),
        )
      ).code,
    ).toBe(400);
  });

  it('serves the kinds the backups reader lists: pods, namespaces, storage classes, pod volume backups', async () => {
    const core = kubeConfig(simulator).makeApiClient(CoreV1Api);
    const pods = await core.listNamespacedPod({ namespace: 'business-system' });
    expect(pods.items.map(p => p.metadata?.name)).toEqual(
      expect.arrayContaining(['odoo-pg-1', 'odoo-pg-2', 'odoo-pg-3']),
    );
    const namespaces = await core.listNamespace({
      fieldSelector: 'metadata.name=business-system',
    });
    expect(
      namespaces.items.map(n => [n.metadata?.name, n.status?.phase]),
    ).toEqual([['business-system', 'Active']]);
    const classes: any = await custom.listClusterCustomObject({
      group: 'storage.k8s.io',
      version: 'v1',
      plural: 'storageclasses',
    });
    expect(
      classes.items.map((c: any) => [c.metadata.name, c.provisioner]),
    ).toEqual([['ceph-block', 'rook-ceph.rbd.csi.ceph.com']]);
    const backups = await custom.listNamespacedCustomObject({
      ...velero,
      plural: 'backups',
      labelSelector: 'velero.io/schedule-name=odoo-daily',
    });
    const names = backups.items.slice(0, 2).map((b: any) => b.metadata.name);
    const pvbs = await custom.listNamespacedCustomObject({
      ...velero,
      plural: 'podvolumebackups',
      labelSelector: `velero.io/backup-name in (${names.join(',')})`,
    });
    expect(
      pvbs.items.map((p: any) => [
        p.metadata.labels['velero.io/backup-name'],
        p.status.phase,
      ]),
    ).toEqual(
      expect.arrayContaining(names.map((n: string) => [n, 'Completed'])),
    );
    expect(pvbs.items).toHaveLength(2);
  });

  it('ends a new Backup as Velero would: counters of what it selects, one PodVolumeBackup', async () => {
    const backup = await createAndAwait(
      custom,
      'backups',
      {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: { name: 'odoo-now' },
        spec: {
          includedNamespaces: ['business-system'],
          labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'odoo' } },
        },
      },
      status => status.phase === 'Completed',
    );
    expect(backup.spec).toMatchObject({
      storageLocation: 'gcs',
      ttl: '720h0m0s',
      defaultVolumesToFsBackup: false,
    });
    expect(backup.status).toMatchObject({
      csiVolumeSnapshotsAttempted: 3,
      csiVolumeSnapshotsCompleted: 3,
      hookStatus: { hooksAttempted: 2 },
    });
    expect(backup.status.errors).toBeUndefined();
    expect(backup.status.warnings).toBeUndefined();
    const pvbs = await custom.listNamespacedCustomObject({
      ...velero,
      plural: 'podvolumebackups',
      labelSelector: 'velero.io/backup-name=odoo-now',
    });
    expect(
      pvbs.items.map((p: any) => [
        p.spec.volume,
        p.metadata.labels['velero.io/backup-uid'],
      ]),
    ).toEqual([['filestore', backup.metadata.uid]]);
  });

  it('fails validation of a Backup whose storage location does not exist, without timestamps', async () => {
    const backup = await createAndAwait(
      custom,
      'backups',
      {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: { name: 'nowhere' },
        spec: { storageLocation: 'nope' },
      },
      status => Boolean(status.phase),
    );
    expect(backup.status).toEqual({
      phase: 'FailedValidation',
      validationErrors: [
        expect.stringMatching(/the default nope was not found/),
      ],
      version: 1,
      formatVersion: '1.1.0',
      expiration: expect.any(String),
    });
  });

  it('creates with generateName, merge-patches and deletes', async () => {
    const created: any = await custom.createNamespacedCustomObject({
      ...velero,
      plural: 'backups',
      body: {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: { generateName: 'odoo-manual-' },
        spec: { includedNamespaces: ['business-system'] },
      },
    });
    expect(created.metadata.name).toMatch(/^odoo-manual-[a-z0-9]{5}$/);
    expect(Number(created.metadata.resourceVersion)).toBeGreaterThan(0);

    const patched: any = await custom.patchNamespacedCustomObject(
      {
        ...velero,
        plural: 'backups',
        name: created.metadata.name,
        body: { metadata: { labels: { reviewed: 'yes' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.metadata.labels.reviewed).toBe('yes');

    await custom.deleteNamespacedCustomObject({
      ...velero,
      plural: 'backups',
      name: created.metadata.name,
    });
    expect(
      (
        await apiError(
          custom.getNamespacedCustomObject({
            ...velero,
            plural: 'backups',
            name: created.metadata.name,
          }),
        )
      ).code,
    ).toBe(404);
  });

  it('moves a Restore through New → InProgress → Completed, visible to a watch', async () => {
    const watch = new Watch(kubeConfig(simulator));
    const phases: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      watch
        .watch(
          '/apis/velero.io/v1/namespaces/velero/restores',
          {},
          (type, object) => {
            phases.push(`${type}:${object.status?.phase ?? 'New'}`);
            if (object.status?.phase === 'Completed') resolve();
          },
          error => error && reject(error),
        )
        .catch(reject);
    });
    const backups = await custom.listNamespacedCustomObject({
      ...velero,
      plural: 'backups',
      labelSelector: 'velero.io/schedule-name=odoo-daily',
    });
    await custom.createNamespacedCustomObject({
      ...velero,
      plural: 'restores',
      body: {
        apiVersion: 'velero.io/v1',
        kind: 'Restore',
        metadata: { name: 'odoo-restore' },
        spec: { backupName: backups.items[0].metadata.name },
      },
    });
    await done;
    expect(phases[0]).toBe('ADDED:New');
    expect(phases).toContain('MODIFIED:InProgress');
    expect(phases[phases.length - 1]).toBe('MODIFIED:Completed');
    const restore: any = await custom.getNamespacedCustomObject({
      ...velero,
      plural: 'restores',
      name: 'odoo-restore',
    });
    expect(restore.status.progress.itemsRestored).toBe(
      restore.status.progress.totalItems,
    );
  });

  it('fails validation of a Restore whose backup does not exist', async () => {
    await custom.createNamespacedCustomObject({
      ...velero,
      plural: 'restores',
      body: {
        apiVersion: 'velero.io/v1',
        kind: 'Restore',
        metadata: { name: 'bad-restore' },
        spec: { backupName: 'nope' },
      },
    });
    await new Promise(resolve => setTimeout(resolve, 100));
    const restore: any = await custom.getNamespacedCustomObject({
      ...velero,
      plural: 'restores',
      name: 'bad-restore',
    });
    expect(restore.status).toEqual({
      phase: 'FailedValidation',
      validationErrors: [
        `Error retrieving backup: can't find backup velero/nope: backups.velero.io "nope" not found`,
      ],
    });
    // validateAndComplete's changes are saved with the verdict.
    expect(restore.metadata.finalizers).toEqual([
      'restores.velero.io/external-resources-finalizer',
    ]);
    expect(restore.spec.excludedResources).toContain('nodes');
  });

  it('resumes a watch from a resourceVersion and answers 410 when it is too old', async () => {
    const list = await custom.listNamespacedCustomObject({
      ...velero,
      plural: 'schedules',
    });
    simulator.apply({
      ...list.items[0],
      spec: { ...list.items[0].spec, paused: true },
    });
    const events: string[] = [];
    await new Promise<void>((resolve, reject) => {
      new Watch(kubeConfig(simulator))
        .watch(
          '/apis/velero.io/v1/namespaces/velero/schedules',
          { resourceVersion: list.metadata.resourceVersion },
          (type, object) => {
            events.push(
              `${type}:${object.metadata.name}:${object.spec.paused}`,
            );
            resolve();
          },
          error => error && reject(error),
        )
        .catch(reject);
    });
    expect(events).toEqual(['MODIFIED:odoo-daily:true']);

    const expired = await new Promise<any>((resolve, reject) => {
      new Watch(kubeConfig(simulator))
        .watch(
          '/apis/velero.io/v1/namespaces/velero/schedules',
          { resourceVersion: 'x' },
          (type, object) => type === 'ERROR' && resolve(object),
          () => undefined,
        )
        .catch(reject);
    });
    expect(expired).toMatchObject({
      kind: 'Status',
      code: 410,
      reason: 'Expired',
    });
  });
});

describe('a simulator replacing another at the same address', () => {
  /** What a watch from `resourceVersion` first gets: an event type, or an HTTP error. */
  function firstAnswer(sim: KubeSimulator, resourceVersion: string) {
    return new Promise<string>(resolve => {
      new Watch(kubeConfig(sim))
        .watch(
          '/apis/velero.io/v1/namespaces/velero/backups',
          { resourceVersion },
          (type, object) =>
            resolve(type === 'ERROR' ? `ERROR ${object.code}` : type),
          error => error && resolve(`HTTP ${error.code ?? error.message}`),
        )
        .catch(error => resolve(`HTTP ${error.code ?? error.message}`));
    });
  }

  it('sends a watcher from the old one back to LIST: 410 for an old version, 504 for one it has not reached', async () => {
    const old = await start({ port: 0, scenario: 'healthy' });
    const oldVersion = String(old.resourceVersion);
    await old.stop();
    const replacement = await start({
      port: 0,
      scenario: 'velero-failing',
      firstResourceVersion: Number(oldVersion) + 1000,
    });
    try {
      // The scenario's load is not history a client can resume in.
      expect(await firstAnswer(replacement, oldVersion)).toBe('ERROR 410');
      expect(
        await firstAnswer(
          replacement,
          String(replacement.resourceVersion + 5000),
        ),
      ).toBe('HTTP Gateway Timeout');
    } finally {
      await replacement.stop();
    }
  });
});

describe('KubeSimulator scenarios', () => {
  it('velero-missing: the velero.io group answers 404 like an absent CRD, discovery omits it', async () => {
    const simulator = await start({ scenario: 'velero-missing' });
    try {
      const kc = kubeConfig(simulator);
      const error = await apiError(
        kc
          .makeApiClient(CustomObjectsApi)
          .listNamespacedCustomObject({ ...velero, plural: 'backups' }),
      );
      expect(error.code).toBe(404);
      expect(JSON.parse(error.body)).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      });
      const groups = await fetch(`${simulator.url}/apis`, {
        headers: { Authorization: `Bearer ${simulator.token}` },
      }).then(r => r.json());
      expect(groups.groups.map((g: any) => g.name)).not.toContain('velero.io');
      expect(groups.groups.map((g: any) => g.name)).toContain(
        'postgresql.cnpg.io',
      );
    } finally {
      await simulator.stop();
    }
  });

  it('velero-failing: a new Backup fails at upload and has no completionTimestamp', async () => {
    const simulator = await start({
      scenario: 'velero-failing',
      controllerTickMs: 20,
    });
    try {
      const custom = kubeConfig(simulator).makeApiClient(CustomObjectsApi);
      const backup = await createAndAwait(
        custom,
        'backups',
        {
          apiVersion: 'velero.io/v1',
          kind: 'Backup',
          metadata: { name: 'retry' },
          spec: { includedNamespaces: ['business-system'] },
        },
        status => status.phase === 'Failed',
      );
      expect(backup.status.startTimestamp).toBeDefined();
      expect(backup.status.completionTimestamp).toBeUndefined();
      expect(backup.status.failureReason).toMatch(/bucket does not exist/);
    } finally {
      await simulator.stop();
    }
  });

  it('forbidden: ReplicationSources answer 403 with the RBAC message', async () => {
    const simulator = await start({ scenario: 'forbidden' });
    try {
      const error = await apiError(
        kubeConfig(simulator)
          .makeApiClient(CustomObjectsApi)
          .listNamespacedCustomObject({
            group: 'volsync.backube',
            version: 'v1alpha1',
            namespace: 'business-system',
            plural: 'replicationsources',
          }),
      );
      expect(error.code).toBe(403);
      expect(JSON.parse(error.body).message).toBe(
        'replicationsources.volsync.backube is forbidden: User "system:serviceaccount:backstage:backstage" cannot list resource "replicationsources" in API group "volsync.backube" in the namespace "business-system"',
      );
    } finally {
      await simulator.stop();
    }
  });
});
