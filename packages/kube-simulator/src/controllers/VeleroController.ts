import { parseGoDuration } from '@internal/plugin-backups-common';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { groupVersion } from '../api/resourceTypes';
import { isoSeconds as iso } from '../scenarios/fixtures/time';
import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { planVeleroBackup, VeleroBackupPlan } from './planVeleroBackup';
import {
  finishedStatus,
  podVolumeBackup,
  VALIDATED_ANNOTATIONS,
  VALIDATED_SPEC_DEFAULTS,
} from './veleroBackupResult';

const STEPS = 4;
const VELERO = 'velero.io/v1';
/** Velero's `--default-backup-ttl`. */
const DEFAULT_TTL = '720h0m0s';
/** `--store-validation-frequency` and the default `backupSyncPeriod`. */
const DEFAULT_VALIDATION_SECONDS = 60;
const DEFAULT_SYNC_SECONDS = 60;
/** The BSL controller's `bslValidationEnqueuePeriod`. */
const BSL_ENQUEUE_MS = 10_000;

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
 * - a new Restore or Backup moves New → InProgress → its end, one step per
 *   tick; a Restore whose backup does not exist, or a Backup whose storage
 *   location is missing or ReadOnly, fails validation instead;
 * - a Backup ends as Velero 1.15 would end it on this cluster: counters
 *   from what its spec selects (CSI snapshots, PodVolumeBackups, hooks),
 *   Failed without completionTimestamp when its BSL's bucket is gone;
 * - the BSL controller revalidates every location each `validationFrequency`
 *   (1m by default), so `lastValidationTime` stays recent, and the
 *   backup-sync controller refreshes `lastSyncedTime` of available ones.
 */
export class VeleroController {
  readonly #store: ObjectStore;
  readonly #registry: ResourceRegistry;
  readonly #tickMs: number;
  readonly #now: () => Date;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #bslTimer: NodeJS.Timeout;
  readonly #unsubscribe: () => void;

  static start(options: {
    store: ObjectStore;
    registry: ResourceRegistry;
    tickMs: number;
    now: () => Date;
    /** How often BackupStorageLocations are looked at. Default 10 s, as Velero. */
    bslEnqueueMs?: number;
  }) {
    return new VeleroController(options);
  }

  private constructor(options: {
    store: ObjectStore;
    registry: ResourceRegistry;
    tickMs: number;
    now: () => Date;
    bslEnqueueMs?: number;
  }) {
    this.#store = options.store;
    this.#registry = options.registry;
    this.#tickMs = options.tickMs;
    this.#now = options.now;
    this.#unsubscribe = this.#store.subscribe(event => {
      const o = event.object;
      if (event.type !== 'ADDED' || o.apiVersion !== VELERO) return;
      if (o.status?.phase && o.status.phase !== 'New') return;
      if (o.kind === 'Restore') this.#later(() => this.#startRestore(o));
      if (o.kind === 'Backup') this.#later(() => this.#startBackup(o));
    });
    this.#bslTimer = setInterval(
      () => this.#validateLocations(),
      options.bslEnqueueMs ?? BSL_ENQUEUE_MS,
    );
    this.#bslTimer.unref();
  }

  stop() {
    this.#unsubscribe();
    clearInterval(this.#bslTimer);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #later(fn: () => void) {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, this.#tickMs);
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

  #sourceBackup(restore: KubeObject): KubeObject | undefined {
    const ns = restore.metadata.namespace;
    if (restore.spec?.backupName) {
      return this.#store.get(VELERO, 'Backup', ns, restore.spec.backupName);
    }
    if (restore.spec?.scheduleName) {
      return this.#store
        .list(VELERO, 'Backup', ns)
        .filter(
          b =>
            b.metadata.labels?.['velero.io/schedule-name'] ===
              restore.spec.scheduleName && b.status?.phase === 'Completed',
        )
        .sort((a, b) =>
          String(a.status?.startTimestamp).localeCompare(
            String(b.status?.startTimestamp),
          ),
        )
        .pop();
    }
    return undefined;
  }

  #startRestore(restore: KubeObject) {
    const backup = this.#sourceBackup(restore);
    if (!backup) {
      const what = restore.spec?.backupName
        ? `backup.velero.io "${restore.spec.backupName}" not found`
        : `No backups found for schedule ${
            restore.spec?.scheduleName ?? '(none)'
          }`;
      this.#update(restore, {
        phase: 'FailedValidation',
        validationErrors: [what],
      });
      return;
    }
    const totalItems = backup.status?.progress?.totalItems ?? 40;
    this.#update(restore, {
      phase: 'InProgress',
      startTimestamp: iso(this.#now()),
      progress: { totalItems, itemsRestored: 0 },
    });
    // warnings and errors are omitempty ints: a clean restore has neither.
    this.#advance(restore, 1, totalItems, 'itemsRestored', () => ({
      phase: 'Completed',
      completionTimestamp: iso(this.#now()),
      progress: { totalItems, itemsRestored: totalItems },
    }));
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
    this.#store.put({
      ...current,
      metadata,
      spec,
      status: {
        ...current.status,
        ...validated,
        // FailedValidation: no startTimestamp and no completionTimestamp, ever.
        ...(valid
          ? {
              phase: 'InProgress',
              startTimestamp: iso(start),
              progress: { totalItems: plan.totalItems, itemsBackedUp: 0 },
            }
          : { phase: 'FailedValidation', validationErrors: errors }),
      },
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
      return finishedStatus(plan, outcome, iso(this.#now()));
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
