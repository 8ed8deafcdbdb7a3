import { parseGoDuration } from '@internal/plugin-backups-common';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { groupVersion } from '../api/resourceTypes';
import { isoSeconds as iso } from '../scenarios/fixtures/time';
import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { omitEmpty } from '../scenarios/fixtures/meta';
import { planVeleroBackup, VeleroBackupPlan } from './planVeleroBackup';
import { buildBackupArchive } from './veleroBackupArchive';
import {
  finishedStatus,
  podVolumeBackup,
  VALIDATED_ANNOTATIONS,
  VALIDATED_SPEC_DEFAULTS,
} from './veleroBackupResult';
import { VeleroDownloads } from './VeleroDownloads';
import { VeleroObjectStorage } from './VeleroObjectStorage';
import { BACKUP_NAME_LABEL, VeleroRestoreRun } from './VeleroRestoreRun';
import {
  RESTORE_FINALIZER,
  validateVeleroRestore,
} from './validateVeleroRestore';
import { ResourceModifiers } from './veleroResourceModifiers';
import { ControllerFaults } from './ControllerFaults';
import { provisionClaim } from './provisionClaim';

const STEPS = 4;
const VELERO = 'velero.io/v1';
/** Velero's `--default-backup-ttl`. */
const DEFAULT_TTL = '720h0m0s';
/** `--store-validation-frequency` and the default `backupSyncPeriod`. */
const DEFAULT_VALIDATION_SECONDS = 60;
const DEFAULT_SYNC_SECONDS = 60;
/** The BSL controller's `bslValidationEnqueuePeriod`. */
const BSL_ENQUEUE_MS = 10_000;
/** The download-request controller's `defaultDownloadRequestSyncPeriod`. */
const DOWNLOAD_REQUEST_SYNC_MS = 60_000;
/** Over how many ticks a restore creates its items. */
const RESTORE_CHUNKS = 3;
/** What the GCP plugin answers for an object that was never uploaded. */
const OBJECT_MISSING =
  "rpc error: code = Unknown desc = storage: object doesn't exist";

function seconds(value: unknown, fallback: number): number {
  const parsed = typeof value === 'string' ? parseGoDuration(value) : undefined;
  return parsed === undefined || parsed < 0 ? fallback : parsed;
}

/** Whether `last` is at least `periodSeconds` before now; 0 means never again. */
function due(last: unknown, periodSeconds: number, now: Date): boolean {
  const at = typeof last === 'string' ? Date.parse(last) : NaN;
  if (Number.isNaN(at)) return true;
  return periodSeconds > 0 && now.getTime() - at >= periodSeconds * 1000;
}

/**
 * The part of Velero's server the product relies on:
 * - a new Backup moves New → InProgress → its end, one step per tick, and
 *   ends as Velero 1.15 would end it on this cluster: counters from what
 *   its spec selects (CSI snapshots, PodVolumeBackups, hooks), Failed
 *   without completionTimestamp when its BSL's bucket is gone; a Backup
 *   whose storage location is missing or ReadOnly fails validation. What
 *   it took (the objects as they were when it ran), its log and results go
 *   to the bucket (`VeleroObjectStorage`), not into the Backup;
 * - a new Restore is validated (validateVeleroRestore) one tick after its
 *   creation, then restores the backup's items over the next three ticks
 *   (VeleroRestoreRun), then Finalizing and at once Completed or
 *   PartiallyFailed; a backup whose archive was never uploaded makes it
 *   Failed;
 * - DownloadRequests get a signed URL at once (VeleroDownloads);
 * - the BSL controller revalidates every location each `validationFrequency`
 *   (1m by default), so `lastValidationTime` stays recent, and the
 *   backup-sync controller refreshes `lastSyncedTime` of available ones.
 */
export class VeleroController {
  readonly #store: ObjectStore;
  readonly #registry: ResourceRegistry;
  readonly #storage: VeleroObjectStorage;
  readonly #downloads: VeleroDownloads;
  readonly #tickMs: number;
  readonly #now: () => Date;
  readonly #faults?: ControllerFaults;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #intervals: NodeJS.Timeout[];
  readonly #unsubscribe: () => void;

  static start(options: {
    store: ObjectStore;
    registry: ResourceRegistry;
    tickMs: number;
    now: () => Date;
    /** The bucket; default an empty one. */
    storage?: VeleroObjectStorage;
    /** The simulator's URL, known once it listens: signed URLs point there. */
    baseUrl?: () => string;
    /** How often BackupStorageLocations are looked at. Default 10 s, as Velero. */
    bslEnqueueMs?: number;
    /** How often expired DownloadRequests are deleted. Default 1 min, as Velero. */
    downloadRequestSyncMs?: number;
    /** What the provisioner fails to do (`pvcStaysPending`). */
    faults?: ControllerFaults;
  }) {
    return new VeleroController(options);
  }

  private constructor(options: {
    store: ObjectStore;
    registry: ResourceRegistry;
    tickMs: number;
    now: () => Date;
    storage?: VeleroObjectStorage;
    baseUrl?: () => string;
    bslEnqueueMs?: number;
    downloadRequestSyncMs?: number;
    faults?: ControllerFaults;
  }) {
    this.#store = options.store;
    this.#faults = options.faults;
    this.#registry = options.registry;
    this.#tickMs = options.tickMs;
    this.#now = options.now;
    this.#storage =
      options.storage ?? new VeleroObjectStorage(o => this.#plural(o));
    this.#downloads = new VeleroDownloads({
      store: this.#store,
      storage: this.#storage,
      now: this.#now,
      baseUrl: options.baseUrl ?? (() => 'http://127.0.0.1'),
    });
    this.#unsubscribe = this.#store.subscribe(event => {
      const o = event.object;
      if (event.type !== 'ADDED' || o.apiVersion !== VELERO) return;
      if (o.status?.phase && o.status.phase !== 'New') return;
      if (o.kind === 'Restore') this.#later(() => this.#startRestore(o));
      if (o.kind === 'Backup') this.#later(() => this.#startBackup(o));
      // Velero processes a DownloadRequest as soon as it sees it.
      if (o.kind === 'DownloadRequest')
        this.#later(() => this.#downloads.process(o), 0);
    });
    this.#intervals = [
      setInterval(
        () => this.#validateLocations(),
        options.bslEnqueueMs ?? BSL_ENQUEUE_MS,
      ),
      setInterval(
        () => this.#downloads.deleteExpired(),
        options.downloadRequestSyncMs ?? DOWNLOAD_REQUEST_SYNC_MS,
      ),
    ];
    for (const interval of this.#intervals) interval.unref();
  }

  /** The bucket of every backup storage location. */
  get storage(): VeleroObjectStorage {
    return this.#storage;
  }

  get downloads(): VeleroDownloads {
    return this.#downloads;
  }

  stop() {
    this.#unsubscribe();
    for (const interval of this.#intervals) clearInterval(interval);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #plural(o: KubeObject): string {
    return (
      this.#registry.byKind(o.apiVersion, o.kind)?.plural ??
      `${o.kind.toLowerCase()}s`
    );
  }

  #later(fn: () => void, delayMs = this.#tickMs) {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, delayMs);
    this.#timers.add(timer);
  }

  #current(o: KubeObject) {
    return this.#store.get(
      o.apiVersion,
      o.kind,
      o.metadata.namespace,
      o.metadata.name,
    );
  }

  #update(o: KubeObject, status: Record<string, unknown>) {
    const current = this.#current(o);
    if (!current) return undefined;
    return this.#store.put({
      ...current,
      status: { ...current.status, ...status },
    });
  }

  /** The one patch a controller makes of a new object: what it validated, and its verdict. */
  #putValidated(
    current: KubeObject,
    metadata: KubeObject['metadata'],
    spec: Record<string, unknown>,
    status: Record<string, unknown>,
  ) {
    this.#store.put({
      ...current,
      metadata,
      spec,
      status: { ...current.status, ...status },
    });
  }

  #validateLocations() {
    const now = this.#now();
    for (const bsl of this.#store.list(VELERO, 'BackupStorageLocation')) {
      const status = { ...bsl.status };
      const validate = due(
        status.lastValidationTime,
        seconds(bsl.spec?.validationFrequency, DEFAULT_VALIDATION_SECONDS),
        now,
      );
      const sync =
        status.phase === 'Available' &&
        due(
          status.lastSyncedTime,
          seconds(bsl.spec?.backupSyncPeriod, DEFAULT_SYNC_SECONDS),
          now,
        );
      if (validate) status.lastValidationTime = iso(now);
      if (sync) status.lastSyncedTime = iso(now);
      if (validate || sync) this.#store.put({ ...bsl, status });
    }
  }

  /**
   * restoreReconciler.Reconcile for a new Restore: the finalizer, the
   * validated spec, then FailedValidation (validationErrors, no
   * timestamps) or InProgress with startTimestamp.
   */
  #startRestore(restore: KubeObject) {
    const current = this.#current(restore);
    if (!current || (current.status?.phase ?? 'New') !== 'New') return;
    const { spec, validationErrors, backup, modifiers } = validateVeleroRestore(
      current,
      this.#store,
    );
    const finalizers = (current.metadata.finalizers ?? []) as string[];
    const metadata = {
      ...current.metadata,
      finalizers: finalizers.includes(RESTORE_FINALIZER)
        ? finalizers
        : [...finalizers, RESTORE_FINALIZER],
    };
    const valid = validationErrors.length === 0 && backup !== undefined;
    this.#putValidated(
      current,
      metadata,
      spec,
      valid
        ? { phase: 'InProgress', startTimestamp: iso(this.#now()) }
        : { phase: 'FailedValidation', validationErrors },
    );
    if (valid) this.#later(() => this.#runRestore(restore, backup, modifiers));
  }

  /** runValidatedRestore, a third of the items per tick, then the finalizer controller. */
  #runRestore(
    restore: KubeObject,
    backup: KubeObject,
    modifiers?: ResourceModifiers,
  ) {
    const current = this.#current(restore);
    if (!current) return;
    const archive = this.#storage.backup(backup.metadata.name);
    if (!archive) {
      this.#update(restore, {
        phase: 'Failed',
        failureReason: `error downloading backup: ${OBJECT_MISSING}`,
        completionTimestamp: iso(this.#now()),
      });
      return;
    }
    const run = new VeleroRestoreRun({
      restore: current,
      backup,
      archive,
      store: this.#store,
      registry: this.#registry,
      now: this.#now,
      podVolumeBackups: this.#store
        .list(VELERO, 'PodVolumeBackup', current.metadata.namespace)
        .filter(
          p => p.metadata.labels?.[BACKUP_NAME_LABEL] === backup.metadata.name,
        ),
      modifiers,
    });
    const chunk = Math.max(1, Math.ceil(run.steps.length / RESTORE_CHUNKS));
    const step = () => {
      if (!this.#current(restore)) return;
      run.run(chunk);
      const claims = run.createdClaims.splice(0);
      if (claims.length)
        this.#later(() => claims.forEach(c => this.#provision(c)));
      if (!run.done) {
        this.#update(restore, {
          progress: omitEmpty({
            totalItems: run.totalItems,
            itemsRestored: run.itemsRestored,
          }),
        });
        this.#later(step);
        return;
      }
      const { warnings, errors, archive: files } = run.finish();
      this.#storage.putRestore(files);
      // warnings and errors are omitempty ints: a clean restore has neither.
      this.#update(restore, {
        phase: errors > 0 ? 'FinalizingPartiallyFailed' : 'Finalizing',
        progress: omitEmpty({
          totalItems: run.itemsRestored,
          itemsRestored: run.itemsRestored,
        }),
        ...omitEmpty({ warnings, errors }),
      });
      // The restore finalizer controller has nothing to wait for (no
      // item operations): it ends the restore as soon as it sees it.
      this.#later(
        () =>
          this.#update(restore, {
            phase: errors > 0 ? 'PartiallyFailed' : 'Completed',
            completionTimestamp: iso(this.#now()),
          }),
        0,
      );
    };
    step();
  }

  /** A restored PVC, provisioned unless a `pvcStaysPending` fault holds it. */
  #provision(claim: { namespace: string; name: string }) {
    if (this.#faults?.has('pvcStaysPending', claim.namespace, claim.name))
      return;
    provisionClaim(this.#store, this.#now, claim);
  }

  /** Every object of the kinds the simulator serves. */
  #objects(): KubeObject[] {
    return this.#registry
      .all()
      .flatMap(t => this.#store.list(groupVersion(t), t.kind));
  }

  #defaultLocation(namespace: string | undefined): string {
    return (
      this.#store
        .list(VELERO, 'BackupStorageLocation', namespace)
        .find(l => l.spec?.default)?.metadata.name ?? 'default'
    );
  }

  /** prepareBackupRequest: spec defaults, labels, annotations, validation errors. */
  #validate(current: KubeObject) {
    const namespace = current.metadata.namespace;
    const spec = {
      ...current.spec,
      storageLocation:
        current.spec?.storageLocation || this.#defaultLocation(namespace),
      ttl: current.spec?.ttl || DEFAULT_TTL,
      csiSnapshotTimeout:
        current.spec?.csiSnapshotTimeout ||
        VALIDATED_SPEC_DEFAULTS.csiSnapshotTimeout,
      itemOperationTimeout:
        current.spec?.itemOperationTimeout ||
        VALIDATED_SPEC_DEFAULTS.itemOperationTimeout,
      defaultVolumesToFsBackup:
        current.spec?.defaultVolumesToFsBackup ??
        VALIDATED_SPEC_DEFAULTS.defaultVolumesToFsBackup,
      snapshotMoveData:
        current.spec?.snapshotMoveData ??
        VALIDATED_SPEC_DEFAULTS.snapshotMoveData,
    };
    const location = this.#store.get(
      VELERO,
      'BackupStorageLocation',
      namespace,
      spec.storageLocation,
    );
    const errors: string[] = [];
    if (!location) {
      errors.push(
        `an existing backup storage location was not specified at backup creation time and the default ${spec.storageLocation} was not found. Please address this issue (see \`velero backup-location -h\` for options) and create a new backup. Error: backupstoragelocations.velero.io "${spec.storageLocation}" not found`,
      );
    } else if (location.spec?.accessMode === 'ReadOnly') {
      errors.push(
        `backup can't be created because backup storage location ${spec.storageLocation} is currently in read-only mode`,
      );
    }
    let plan: VeleroBackupPlan | undefined;
    try {
      plan = planVeleroBackup(spec, this.#objects(), this.#registry);
    } catch (error) {
      errors.push((error as Error).message);
    }
    return { spec, location, errors, plan };
  }

  #startBackup(backup: KubeObject) {
    const current = this.#current(backup);
    if (!current) return;
    const start = this.#now();
    const { spec, location, errors, plan } = this.#validate(current);
    const ttl = parseGoDuration(spec.ttl) ?? 0;
    // Set before validation, so FailedValidation has them too (prepareBackupRequest).
    const validated = {
      version: 1,
      formatVersion: '1.1.0',
      expiration: iso(start.getTime() + ttl * 1000),
    };
    const metadata = {
      ...current.metadata,
      labels: {
        ...current.metadata.labels,
        'velero.io/storage-location': spec.storageLocation,
      },
      annotations: {
        ...current.metadata.annotations,
        ...VALIDATED_ANNOTATIONS,
      },
    };
    const valid = errors.length === 0 && plan !== undefined;
    this.#putValidated(current, metadata, spec, {
      ...validated,
      // FailedValidation: no startTimestamp and no completionTimestamp, ever.
      ...(valid
        ? {
            phase: 'InProgress',
            startTimestamp: iso(start),
            progress: { totalItems: plan.totalItems, itemsBackedUp: 0 },
          }
        : { phase: 'FailedValidation', validationErrors: errors }),
    });
    if (!valid) return;
    const totalItems = plan.totalItems;
    const bucketGone = location?.status?.phase === 'Unavailable';
    this.#advance(backup, 1, totalItems, 'itemsBackedUp', () => {
      const ended = this.#current(backup);
      if (ended) {
        for (const volume of plan.podVolumes) {
          this.#store.put(
            podVolumeBackup(
              ended,
              volume,
              {
                created: iso(start),
                started: iso(start),
                ended: iso(this.#now()),
              },
              bucketGone,
            ),
          );
        }
      }
      let outcome: 'Completed' | 'PartiallyFailed' | 'Failed' = 'Completed';
      if (bucketGone) outcome = 'Failed';
      else if (plan.unsnapshottableClaims.length > 0)
        outcome = 'PartiallyFailed';
      const status = finishedStatus(plan, outcome, iso(this.#now()));
      // persistBackup uploads what the backup took; a gone bucket keeps nothing.
      if (ended && outcome !== 'Failed')
        this.#storage.putBackup(
          buildBackupArchive(
            { ...ended, status: { ...ended.status, ...status } },
            plan,
            outcome,
            o => this.#plural(o),
          ),
        );
      return status;
    });
  }

  #advance(
    o: KubeObject,
    step: number,
    total: number,
    field: string,
    done: () => Record<string, unknown>,
  ) {
    this.#later(() => {
      if (step >= STEPS) {
        this.#update(o, done());
        return;
      }
      this.#update(o, {
        progress: {
          totalItems: total,
          [field]: Math.floor((total * step) / STEPS),
        },
      });
      this.#advance(o, step + 1, total, field, done);
    });
  }
}
