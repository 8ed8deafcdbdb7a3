import {
  loadSharedVolsyncSchemas,
  validateManifest,
} from '@internal/crd-schemas';
import {
  cronNextRun,
  isGoDuration,
  parseCron,
} from '@internal/plugin-backups-common';
import { KubeObject } from '../store/KubeObject';
import { buildScenario, scenarioNames } from './buildScenario';
import { ScenarioName } from './Scenario';

const now = new Date('2026-11-24T08:00:00Z');
const volsyncSchemas = loadSharedVolsyncSchemas();

function objectsOf(name: ScenarioName) {
  return buildScenario(name, now).objects;
}

function ofKind(objects: KubeObject[], apiVersion: string, kind: string) {
  return objects.filter(o => o.apiVersion === apiVersion && o.kind === kind);
}

function veleroBackups(objects: KubeObject[]) {
  return ofKind(objects, 'velero.io/v1', 'Backup');
}

function dailyBackups(objects: KubeObject[]) {
  return veleroBackups(objects).filter(
    b => b.metadata.labels?.['velero.io/schedule-name'] === 'odoo-daily',
  );
}

function podVolumeBackupsOf(objects: KubeObject[], backup: KubeObject) {
  return ofKind(objects, 'velero.io/v1', 'PodVolumeBackup').filter(
    p => p.metadata.labels?.['velero.io/backup-name'] === backup.metadata.name,
  );
}

/** Every number 0 in a status: Go's omitempty never writes one. */
function zeroCounters(value: unknown, path = 'status'): string[] {
  if (value === 0) return [path];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    zeroCounters(v, `${path}.${k}`),
  );
}

const nextRun = (expression: string, dialect: any, after: string) => {
  const parsed = parseCron(expression, dialect);
  if (!parsed.ok) throw new Error(parsed.error);
  return cronNextRun(parsed.schedule, new Date(after))?.toISOString();
};
const iso = (s: string) => new Date(s).toISOString();

describe('scenarios', () => {
  it.each(scenarioNames)(
    '%s: every seeded custom resource passes its upstream CRD schema',
    name => {
      const { objects } = buildScenario(name, now);
      const checked = objects
        .map(o => ({
          id: `${o.apiVersion} ${o.kind} ${o.metadata.namespace ?? ''}/${
            o.metadata.name
          }`,
          result: validateManifest(o),
        }))
        .filter(
          ({ id, result }) =>
            result.schemaFound || (volsyncSchemas && id.startsWith('volsync')),
        );
      expect(
        checked
          .filter(c => !c.result.valid)
          .map(c => `${c.id}: ${c.result.errors.join('; ')}`),
      ).toEqual([]);
      expect(checked.length).toBeGreaterThan(10);
    },
  );

  it('healthy: seven daily backups at 03:00 UTC and a manual test backup', () => {
    const { objects } = buildScenario('healthy', now);
    const backups = objects.filter(
      o => o.kind === 'Backup' && o.apiVersion === 'velero.io/v1',
    );
    expect(
      backups
        .filter(
          b => b.metadata.labels?.['velero.io/schedule-name'] === 'odoo-daily',
        )
        .map(b => b.metadata.name),
    ).toEqual([
      'odoo-daily-20261124030000',
      'odoo-daily-20261123030000',
      'odoo-daily-20261122030000',
      'odoo-daily-20261121030000',
      'odoo-daily-20261120030000',
      'odoo-daily-20261119030000',
      'odoo-daily-20261118030000',
    ]);
    expect(backups.map(b => b.metadata.name)).toContain(
      'odoo-test-20261121-1012',
    );
  });

  const withVelero = scenarioNames.filter(n => n !== 'velero-missing');

  it.each(withVelero)(
    '%s: Velero Backups carry only what the controllers set in their phase',
    name => {
      const objects = objectsOf(name);
      const backups = veleroBackups(objects);
      const shape = (b: KubeObject) => ({
        name: b.metadata.name,
        zeroCounters: zeroCounters(b.status),
        started: b.status.startTimestamp !== undefined,
        completed: b.status.completionTimestamp !== undefined,
        failureReason: b.status.failureReason !== undefined,
        snapshotsCompleted: b.status.csiVolumeSnapshotsCompleted !== undefined,
        // creation ≤ start < completion, where they exist
        ordered:
          Date.parse(b.metadata.creationTimestamp!) <=
            Date.parse(b.status.startTimestamp ?? '9999') &&
          Date.parse(b.status.startTimestamp ?? '0') <
            Date.parse(b.status.completionTimestamp ?? '9999'),
      });
      const expected: Record<string, object> = {
        Completed: { started: true, completed: true, failureReason: false },
        PartiallyFailed: {
          started: true,
          completed: true,
          failureReason: false,
        },
        Failed: {
          started: true,
          completed: false,
          failureReason: true,
          snapshotsCompleted: false,
        },
        FailedValidation: { started: false, completed: false },
      };
      expect(backups.map(shape)).toEqual(
        backups.map(b =>
          expect.objectContaining({
            name: b.metadata.name,
            zeroCounters: [],
            ordered: true,
            ...expected[b.status.phase],
          }),
        ),
      );
      const [schedule] = ofKind(objects, 'velero.io/v1', 'Schedule');
      const newest = dailyBackups(objects)
        .map(b => b.metadata.creationTimestamp!)
        .sort()
        .pop();
      expect(schedule.status.lastBackup).toBe(newest);
      expect(Date.parse(schedule.metadata.creationTimestamp!)).toBeLessThan(
        now.getTime() - 30 * 86_400_000,
      );
      for (const b of dailyBackups(objects)) {
        // Created by the schedule controller at a cron tick of the schedule.
        const tick = b.metadata.creationTimestamp!;
        expect(
          nextRun(
            schedule.spec.schedule,
            'robfig-v3',
            new Date(Date.parse(tick) - 1000).toISOString(),
          ),
        ).toBe(iso(tick));
      }
      const [bsl] = ofKind(objects, 'velero.io/v1', 'BackupStorageLocation');
      expect(bsl.spec.accessMode).toBe('ReadWrite');
      expect(bsl.status.accessMode).toBeUndefined();
      expect(
        now.getTime() - Date.parse(bsl.status.lastValidationTime),
      ).toBeLessThan(60_000);
    },
  );

  it('healthy: the filestore goes to file-system backup, the three CNPG PVCs to CSI snapshots', () => {
    const objects = objectsOf('healthy');
    for (const b of veleroBackups(objects)) {
      expect(b.status).toMatchObject({
        phase: 'Completed',
        csiVolumeSnapshotsAttempted: 3,
        csiVolumeSnapshotsCompleted: 3,
        backupItemOperationsAttempted: 3,
        backupItemOperationsCompleted: 3,
        hookStatus: { hooksAttempted: 2 },
      });
      const pvbs = podVolumeBackupsOf(objects, b);
      expect(pvbs).toHaveLength(1);
      expect(pvbs[0]).toMatchObject({
        metadata: {
          labels: { 'velero.io/backup-uid': b.metadata.uid },
          ownerReferences: [
            { kind: 'Backup', name: b.metadata.name, uid: b.metadata.uid },
          ],
          annotations: { 'velero.io/pvc-name': 'odoo-filestore' },
        },
        spec: { volume: 'filestore', uploaderType: 'kopia' },
        status: { phase: 'Completed' },
      });
    }
  });

  it('selector-mismatch: no CSI snapshot, but the pod action still brings the filestore', () => {
    const objects = objectsOf('selector-mismatch');
    for (const b of dailyBackups(objects)) {
      expect(b.status.phase).toBe('Completed');
      expect(b.status.csiVolumeSnapshotsAttempted).toBeUndefined();
      expect(b.status.backupItemOperationsAttempted).toBeUndefined();
      expect(
        podVolumeBackupsOf(objects, b).map(p => [
          p.spec.volume,
          p.status.phase,
        ]),
      ).toEqual([['filestore', 'Completed']]);
    }
  });

  it('velero-failing: the newest backup Failed at upload, the one before PartiallyFailed', () => {
    const objects = objectsOf('velero-failing');
    const [newest, previous, older] = dailyBackups(objects);
    expect(newest.status).toMatchObject({
      phase: 'Failed',
      failureReason: expect.stringMatching(/bucket does not exist/),
      errors: 1,
    });
    expect(podVolumeBackupsOf(objects, newest)[0].status.phase).toBe('Failed');
    expect(previous.status).toMatchObject({
      phase: 'PartiallyFailed',
      csiVolumeSnapshotsCompleted: 2,
      backupItemOperationsFailed: 1,
      errors: 1,
    });
    expect(older.status.phase).toBe('Completed');
    const [bsl] = ofKind(objects, 'velero.io/v1', 'BackupStorageLocation');
    expect(bsl.status.phase).toBe('Unavailable');
    // The bucket went away after the PartiallyFailed run, before the Failed one.
    expect(Date.parse(bsl.status.lastSyncedTime)).toBeGreaterThan(
      Date.parse(previous.status.completionTimestamp),
    );
    expect(Date.parse(bsl.status.lastSyncedTime)).toBeLessThan(
      Date.parse(newest.metadata.creationTimestamp!),
    );
  });

  it.each(scenarioNames)(
    '%s: the kinds the backups reader lists are seeded consistently',
    name => {
      const objects = objectsOf(name);
      const [storageClass] = ofKind(
        objects,
        'storage.k8s.io/v1',
        'StorageClass',
      );
      const [snapshotClass] = ofKind(
        objects,
        'snapshot.storage.k8s.io/v1',
        'VolumeSnapshotClass',
      );
      expect(storageClass.metadata.name).toBe('ceph-block');
      expect(storageClass.provisioner).toBe(snapshotClass.driver);
      const pvcs = ofKind(objects, 'v1', 'PersistentVolumeClaim');
      expect(pvcs.every(p => p.spec.storageClassName === 'ceph-block')).toBe(
        true,
      );
      const pods = ofKind(objects, 'v1', 'Pod');
      for (const i of [1, 2, 3]) {
        const pod = pods.find(p => p.metadata.name === `odoo-pg-${i}`)!;
        expect(pod.metadata.labels).toMatchObject({
          'cnpg.io/cluster': 'odoo-pg',
          'cnpg.io/instanceName': `odoo-pg-${i}`,
          role: i === 1 ? 'primary' : 'replica',
        });
        expect(pod.metadata.labels?.['app.kubernetes.io/name'] === 'odoo').toBe(
          name !== 'selector-mismatch',
        );
        expect(pod.spec.volumes).toContainEqual({
          name: 'pgdata',
          persistentVolumeClaim: { claimName: `odoo-pg-${i}` },
        });
      }
      expect(
        ofKind(objects, 'v1', 'Namespace').every(
          n => n.status?.phase === 'Active',
        ),
      ).toBe(true);
    },
  );

  it('CNPG: a seconds-first weekly schedule, plugin backups and the ObjectStore window', () => {
    const objects = objectsOf('healthy');
    const [scheduled] = ofKind(
      objects,
      'postgresql.cnpg.io/v1',
      'ScheduledBackup',
    );
    const { schedule } = scheduled.spec;
    expect(schedule.split(' ')).toHaveLength(6);
    const slot = scheduled.status.lastScheduleTime;
    expect(new Date(slot).getUTCDay()).toBe(0);
    expect(slot).toMatch(/T02:00:00Z$/);
    expect(
      nextRun(
        schedule,
        'robfig-v1',
        new Date(Date.parse(slot) - 1000).toISOString(),
      ),
    ).toBe(iso(slot));
    expect(scheduled.status.nextScheduleTime).toBe(
      nextRun(schedule, 'robfig-v1', slot)!.replace('.000', ''),
    );
    expect(scheduled.status.lastCheckTime).toBeDefined();

    const backups = ofKind(objects, 'postgresql.cnpg.io/v1', 'Backup');
    expect(backups.map(b => b.metadata.creationTimestamp)).toContain(slot);
    for (const b of backups) {
      expect(b.status.phase).toBe('completed');
      expect(b.status.destinationPath).toBeUndefined();
      expect(Date.parse(b.status.stoppedAt)).toBeGreaterThan(
        Date.parse(b.status.startedAt),
      );
    }
    const [cluster] = ofKind(objects, 'postgresql.cnpg.io/v1', 'Cluster');
    expect(cluster.status.firstRecoverabilityPoint).toBeUndefined();
    expect(cluster.status.lastSuccessfulBackup).toBeUndefined();
    const [store] = ofKind(objects, 'barmancloud.cnpg.io/v1', 'ObjectStore');
    const stopped = backups.map(b => b.status.stoppedAt).sort();
    expect(store.status.serverRecoveryWindow['odoo-pg']).toEqual({
      firstRecoverabilityPoint: stopped[0],
      lastSuccessfulBackupTime: stopped[stopped.length - 1],
    });
  });

  it('VolSync: an idle source, with its last sync and the next one', () => {
    const [source] = ofKind(
      objectsOf('healthy'),
      'volsync.backube/v1alpha1',
      'ReplicationSource',
    );
    const s = source.status;
    expect(s.lastSyncStartTime).toBeUndefined();
    expect(isGoDuration(s.lastSyncDuration)).toBe(true);
    expect(s.nextSyncTime).toBe(
      nextRun(
        source.spec.trigger.schedule,
        'robfig-v3',
        s.lastSyncTime,
      )!.replace('.000', ''),
    );
    expect(s.latestMoverStatus.result).toBe('Successful');
  });

  it('Flux: reconciled objects observe their generation', () => {
    const flux = objectsOf('healthy').filter(o =>
      o.apiVersion.includes('toolkit.fluxcd.io'),
    );
    expect(flux.length).toBeGreaterThan(4);
    for (const o of flux) {
      expect([o.metadata.name, o.status.observedGeneration]).toEqual([
        o.metadata.name,
        o.metadata.generation,
      ]);
      const ready = o.status.conditions.find((c: any) => c.type === 'Ready');
      expect(ready.lastTransitionTime).toBeDefined();
    }
  });

  it('forbidden: the ExternalSecret failed after its last good refresh', () => {
    const [es] = ofKind(
      objectsOf('forbidden'),
      'external-secrets.io/v1',
      'ExternalSecret',
    );
    const ready = es.status.conditions[0];
    expect(ready).toMatchObject({
      status: 'False',
      reason: 'SecretSyncedError',
      message: 'could not get secret data from provider',
    });
    expect(Date.parse(es.status.refreshTime)).toBeLessThan(
      Date.parse(ready.lastTransitionTime),
    );
  });

  it.each(withVelero)(
    '%s: each backup that uploaded has an archive of what it took, which passes the CRD schemas',
    name => {
      const scenario = buildScenario(name, now);
      const archives = new Map(
        (scenario.backupArchives ?? []).map(a => [a.backupName, a]),
      );
      for (const b of veleroBackups(scenario.objects)) {
        const archive = archives.get(b.metadata.name);
        expect([b.metadata.name, archive !== undefined]).toEqual([
          b.metadata.name,
          ['Completed', 'PartiallyFailed'].includes(b.status.phase),
        ]);
        if (!archive) continue;
        // The Backup's counters and the archive agree.
        expect(archive.items).toHaveLength(b.status.progress.totalItems);
        const schemaErrors = archive.items
          .map(o => ({ o, result: validateManifest(o) }))
          .filter(({ result }) => result.schemaFound && !result.valid)
          .map(
            ({ o, result }) => `${o.kind} ${o.metadata.name}: ${result.errors}`,
          );
        expect(schemaErrors).toEqual([]);
        expect(archive.log.filter(l => / level=error /.test(l)).length).toBe(
          b.status.errors ?? 0,
        );
      }
    },
  );

  it('healthy: the daily backups take the app objects, the manual one the Namespace too', () => {
    const scenario = buildScenario('healthy', now);
    const [daily] = dailyBackups(scenario.objects);
    const archiveOf = (name: string) =>
      scenario.backupArchives!.find(a => a.backupName === name)!;
    const kinds = (name: string) =>
      [...new Set(archiveOf(name).items.map(i => i.kind))].sort();
    expect(kinds(daily.metadata.name)).toEqual([
      'ConfigMap',
      'Deployment',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'Pod',
      'Secret',
      'VolumeSnapshot',
      'VolumeSnapshotClass',
      'VolumeSnapshotContent',
    ]);
    const manual = veleroBackups(scenario.objects).find(b =>
      b.metadata.name.startsWith('odoo-test-'),
    )!;
    expect(kinds(manual.metadata.name)).toEqual(
      expect.arrayContaining([
        'Namespace',
        'Service',
        'HelmRelease',
        'Cluster',
      ]),
    );
    const ns = archiveOf(manual.metadata.name).items.find(
      i => i.kind === 'Namespace',
    )!;
    expect(ns.metadata.labels).toMatchObject({
      'backstage.io/kubernetes-id': 'odoo',
    });
    // The snapshotted PVCs name their VolumeSnapshot, as the CSI action writes them.
    const pvc = archiveOf(daily.metadata.name).items.find(
      i =>
        i.metadata.name === 'odoo-pg-1' && i.kind === 'PersistentVolumeClaim',
    )!;
    expect(
      pvc.metadata.annotations?.['velero.io/volume-snapshot-name'],
    ).toMatch(/^velero-odoo-pg-1-[a-z0-9]{5}$/);
  });

  it('healthy: the app namespace claims the entity; the Kustomization odoo lists what it applied', () => {
    const objects = objectsOf('healthy');
    const [ns] = objects.filter(
      o => o.kind === 'Namespace' && o.metadata.name === 'business-system',
    );
    expect(ns.metadata.labels?.['backstage.io/kubernetes-id']).toBe('odoo');
    const ks = objects.find(
      o => o.kind === 'Kustomization' && o.metadata.name === 'odoo',
    )!;
    expect(ks.status.inventory.entries.map((e: any) => e.id)).toEqual([
      'business-system_odoo-config__ConfigMap',
      'business-system_odoo-filestore_volsync.backube_ReplicationSource',
      'business-system_odoo-objstore_barmancloud.cnpg.io_ObjectStore',
      'business-system_odoo-pg-weekly_postgresql.cnpg.io_ScheduledBackup',
      'business-system_odoo-pg_postgresql.cnpg.io_Cluster',
      'business-system_odoo_helm.toolkit.fluxcd.io_HelmRelease',
    ]);
  });

  it('rejects an unknown scenario with the list of known ones', () => {
    expect(() => buildScenario('nope' as any, now)).toThrow(
      /use one of healthy, wal-failing/,
    );
  });
});
