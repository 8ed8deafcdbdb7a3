import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';

const STEPS = 4;

function iso(date: Date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses Go durations such as "168h0m0s" or "720h" into milliseconds. */
function goDurationMs(ttl: string | undefined, fallbackHours: number) {
  if (!ttl) return fallbackHours * 3600_000;
  const units: Record<string, number> = {
    h: 3600_000,
    m: 60_000,
    s: 1000,
    ms: 1,
  };
  let total = 0;
  for (const [, value, unit] of ttl.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(value) * units[unit];
  }
  return total || fallbackHours * 3600_000;
}

/**
 * The part of Velero's server the product relies on: a new Restore or Backup
 * moves New → InProgress → Completed, one step per tick, or fails validation
 * when the backup it restores from does not exist.
 */
export class VeleroController {
  readonly #store: ObjectStore;
  readonly #tickMs: number;
  readonly #now: () => Date;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #unsubscribe: () => void;

  static start(options: {
    store: ObjectStore;
    tickMs: number;
    now: () => Date;
  }) {
    return new VeleroController(options);
  }

  private constructor(options: {
    store: ObjectStore;
    tickMs: number;
    now: () => Date;
  }) {
    this.#store = options.store;
    this.#tickMs = options.tickMs;
    this.#now = options.now;
    this.#unsubscribe = this.#store.subscribe(event => {
      const o = event.object;
      if (event.type !== 'ADDED' || o.apiVersion !== 'velero.io/v1') return;
      if (o.status?.phase && o.status.phase !== 'New') return;
      if (o.kind === 'Restore') this.#later(() => this.#startRestore(o));
      if (o.kind === 'Backup') this.#later(() => this.#startBackup(o));
    });
  }

  stop() {
    this.#unsubscribe();
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

  #update(o: KubeObject, status: Record<string, unknown>) {
    const current = this.#store.get(
      o.apiVersion,
      o.kind,
      o.metadata.namespace,
      o.metadata.name,
    );
    if (!current) return undefined;
    return this.#store.put({
      ...current,
      status: { ...current.status, ...status },
    });
  }

  #sourceBackup(restore: KubeObject): KubeObject | undefined {
    const ns = restore.metadata.namespace;
    if (restore.spec?.backupName) {
      return this.#store.get(
        'velero.io/v1',
        'Backup',
        ns,
        restore.spec.backupName,
      );
    }
    if (restore.spec?.scheduleName) {
      return this.#store
        .list('velero.io/v1', 'Backup', ns)
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
    this.#advance(restore, 1, totalItems, 'itemsRestored', () => ({
      phase: 'Completed',
      completionTimestamp: iso(this.#now()),
      progress: { totalItems, itemsRestored: totalItems },
      warnings: 0,
      errors: 0,
    }));
  }

  #startBackup(backup: KubeObject) {
    const start = this.#now();
    const totalItems = 42;
    const labels = {
      ...backup.metadata.labels,
      'velero.io/storage-location': backup.spec?.storageLocation ?? 'default',
    };
    const current = this.#store.get(
      backup.apiVersion,
      backup.kind,
      backup.metadata.namespace,
      backup.metadata.name,
    );
    if (!current) return;
    this.#store.put({
      ...current,
      metadata: { ...current.metadata, labels },
      status: {
        ...current.status,
        phase: 'InProgress',
        version: 1,
        formatVersion: '1.1.0',
        startTimestamp: iso(start),
        expiration: iso(
          new Date(start.getTime() + goDurationMs(backup.spec?.ttl, 720)),
        ),
        progress: { totalItems, itemsBackedUp: 0 },
      },
    });
    this.#advance(backup, 1, totalItems, 'itemsBackedUp', () => ({
      phase: 'Completed',
      completionTimestamp: iso(this.#now()),
      progress: { totalItems, itemsBackedUp: totalItems },
      csiVolumeSnapshotsAttempted: 4,
      csiVolumeSnapshotsCompleted: 4,
      warnings: 0,
      errors: 0,
    }));
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
