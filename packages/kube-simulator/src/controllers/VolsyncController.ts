import { goDuration, isoSeconds } from '../scenarios/fixtures/time';
import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { ControllerFaults } from './ControllerFaults';
import { provisionClaim } from './provisionClaim';
import { Timers } from './Timers';

const VOLSYNC = 'volsync.backube/v1alpha1';
/** mover.VolSyncPrefix */
const PREFIX = 'volsync-';

function owned(rd: KubeObject) {
  return [
    {
      apiVersion: VOLSYNC,
      kind: 'ReplicationDestination',
      name: rd.metadata.name,
      uid: rd.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
}

function synchronizing(
  status: 'True' | 'False',
  reason: string,
  message: string,
  at: string,
) {
  return {
    type: 'Synchronizing',
    status,
    reason,
    message,
    lastTransitionTime: at,
  };
}

/**
 * VolSync restoring with restic into a ReplicationDestination with a manual
 * trigger (replicationdestination_controller.go, statemachine/machine.go,
 * mover/restic/mover.go), for destinations created while the simulator
 * runs: one tick after creation it is synchronizing (`SyncInProgress`,
 * `lastSyncStartTime`) with the destination PVC `volsync-<name>-dest`
 * (owned by it; the given `destinationPVC` instead when set), which is
 * provisioned unless a `pvcStaysPending` fault holds it; `volsyncMoverMs`
 * after the claim is Bound the mover Job ends. Successful: `latestImage`
 * is the PVC (copyMethod Direct; a VolumeSnapshot is not modelled),
 * `lastSyncTime`, `lastSyncDuration`, `lastManualSync` = the trigger,
 * `latestMoverStatus` Successful with restic's filtered summary, and
 * `WaitingForManual`. Under a `volsyncMoverFails` fault the Job fails:
 * `latestMoverStatus` Failed, and VolSync keeps retrying (still
 * `SyncInProgress`).
 */
export class VolsyncController {
  readonly #store: ObjectStore;
  readonly #now: () => Date;
  readonly #tickMs: number;
  readonly #moverMs: number;
  readonly #faults: ControllerFaults;
  readonly #timers = new Timers();
  readonly #unsubscribe: () => void;

  static start(options: {
    store: ObjectStore;
    now: () => Date;
    tickMs: number;
    moverMs: number;
    faults: ControllerFaults;
  }) {
    return new VolsyncController(options);
  }

  private constructor(options: {
    store: ObjectStore;
    now: () => Date;
    tickMs: number;
    moverMs: number;
    faults: ControllerFaults;
  }) {
    this.#store = options.store;
    this.#now = options.now;
    this.#tickMs = options.tickMs;
    this.#moverMs = options.moverMs;
    this.#faults = options.faults;
    this.#unsubscribe = this.#store.subscribe(({ type, object }) => {
      if (
        type === 'ADDED' &&
        object.apiVersion === VOLSYNC &&
        object.kind === 'ReplicationDestination' &&
        object.spec?.restic &&
        object.spec?.trigger?.manual &&
        !object.status
      )
        this.#timers.later(this.#key(object), this.#tickMs, () =>
          this.#start(object),
        );
    });
  }

  stop() {
    this.#unsubscribe();
    this.#timers.clear();
  }

  #key(o: KubeObject) {
    return `${o.metadata.namespace}/${o.metadata.name}`;
  }

  #current(o: KubeObject) {
    return this.#store.get(
      VOLSYNC,
      'ReplicationDestination',
      o.metadata.namespace,
      o.metadata.name,
    );
  }

  #claimName(rd: KubeObject): string {
    return rd.spec.restic.destinationPVC ?? `${PREFIX}${rd.metadata.name}-dest`;
  }

  #start(created: KubeObject) {
    const rd = this.#current(created);
    if (!rd) return;
    const namespace = rd.metadata.namespace!;
    const at = isoSeconds(this.#now());
    const restic = rd.spec.restic;
    const claim = this.#claimName(rd);
    this.#store.put({
      ...rd,
      status: {
        lastSyncStartTime: at,
        conditions: [
          synchronizing(
            'True',
            'SyncInProgress',
            'Synchronization in-progress',
            at,
          ),
        ],
      },
    });
    if (!restic.destinationPVC)
      this.#store.put({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name: claim,
          namespace,
          labels: { 'app.kubernetes.io/created-by': 'volsync' },
          ownerReferences: owned(rd),
        },
        spec: {
          accessModes: restic.accessModes,
          resources: { requests: { storage: restic.capacity } },
          ...(restic.storageClassName
            ? { storageClassName: restic.storageClassName }
            : {}),
          volumeMode: 'Filesystem',
        },
        status: { phase: 'Pending' },
      });
    if (this.#faults.has('pvcStaysPending', namespace, claim)) return;
    this.#timers.later(this.#key(rd), this.#tickMs, () => {
      provisionClaim(this.#store, this.#now, { namespace, name: claim });
      this.#timers.later(this.#key(rd), this.#moverMs, () => this.#end(rd));
    });
  }

  #end(started: KubeObject) {
    const rd = this.#current(started);
    if (!rd) return;
    const now = this.#now();
    if (
      this.#faults.has(
        'volsyncMoverFails',
        rd.metadata.namespace,
        rd.metadata.name,
      )
    ) {
      this.#store.put({
        ...rd,
        status: {
          ...rd.status,
          latestMoverStatus: {
            result: 'Failed',
            logs: 'Fatal: unable to open repository at s3:https://s3.example/odoo-filestore: Stat: The specified bucket does not exist.',
          },
        },
      });
      return;
    }
    const startedAt = Date.parse(rd.status?.lastSyncStartTime ?? '');
    const durationNs =
      (now.getTime() - (Number.isNaN(startedAt) ? now.getTime() : startedAt)) *
      1e6;
    const at = isoSeconds(now);
    this.#store.put({
      ...rd,
      status: {
        lastSyncTime: at,
        lastSyncDuration: goDuration(durationNs),
        lastManualSync: rd.spec.trigger.manual,
        latestImage: {
          apiGroup: '',
          kind: 'PersistentVolumeClaim',
          name: this.#claimName(rd),
        },
        latestMoverStatus: {
          result: 'Successful',
          logs: [
            'repository 5e8a9f3c opened (version 2, compression level auto)',
            `Restic completed in ${Math.round(durationNs / 1e9)}s`,
          ].join('\n'),
        },
        conditions: [
          synchronizing(
            'False',
            'WaitingForManual',
            'Waiting for manual trigger',
            at,
          ),
        ],
      },
    });
  }
}
