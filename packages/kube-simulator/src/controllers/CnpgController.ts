import { isoSeconds } from '../scenarios/fixtures/time';
import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { ControllerFaults } from './ControllerFaults';
import { provisionClaim } from './provisionClaim';
import { Timers } from './Timers';

const CNPG = 'postgresql.cnpg.io/v1';
const BARMAN_PLUGIN = 'barman-cloud.cloudnative-pg.io';
/** api/v1/cluster_types.go */
const PHASE_FIRST_PRIMARY = 'Setting up primary';
const PHASE_HEALTHY = 'Cluster in healthy state';
const PHASE_UNRECOVERABLE =
  'Cluster is unrecoverable and needs manual intervention';

function ready(status: 'True' | 'False', at: string) {
  // pkg/resources/status/transactions.go SetClusterReadyCondition
  return status === 'True'
    ? {
        type: 'Ready',
        status,
        reason: 'ClusterIsReady',
        message: 'Cluster is Ready',
        lastTransitionTime: at,
      }
    : {
        type: 'Ready',
        status,
        reason: 'ClusterIsNotReady',
        message: 'Cluster Is Not Ready',
        lastTransitionTime: at,
      };
}

function owned(cluster: KubeObject) {
  return [
    {
      apiVersion: CNPG,
      kind: 'Cluster',
      name: cluster.metadata.name,
      uid: cluster.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
}

/**
 * The CloudNativePG operator bootstrapping a new Cluster by recovery
 * (`spec.bootstrap.recovery`, cluster_create.go createPrimaryInstance):
 * one tick after creation it is `Setting up primary` ("Creating primary
 * instance <name>-1", Ready False) with the PGDATA PVC `<name>-1` and the
 * Job `<name>-1-full-recovery`; the PVC is provisioned (unless a
 * `pvcStaysPending` fault holds it), and `recoveryMs` after that the Job
 * ends:
 * - it fails when a `cnpgRecoveryFails` fault says so, when the plugin's
 *   ObjectStore (`externalClusters[].plugin.parameters.barmanObjectName`)
 *   does not exist in the Cluster's namespace (the plugin looks it up
 *   there: plugin-barman-cloud config.go GetRecoveryBarmanObjectKey), or
 *   when `recoveryTarget.targetTime` is outside the ObjectStore's
 *   `serverRecoveryWindow` (before its first point, or after now:
 *   PostgreSQL ends recovery before the target). Then the Cluster is
 *   `Cluster is unrecoverable and needs manual intervention` with the
 *   failed Job named in `phaseReason`, as CNPG 1.30 reports it
 *   (cluster_controller.go reconcileResources, #11035; before 1.30 it stays
 *   `Setting up primary`);
 * - otherwise the instance pod `<name>-1` runs, and the Cluster is `Cluster
 *   in healthy state`, Ready True (ClusterIsReady), with
 *   ContinuousArchiving True: the instance manager reports success even
 *   when no WAL destination is configured (archiver.go internalRun).
 * Clusters without `bootstrap.recovery`, and seeded ones, are left alone.
 */
export class CnpgController {
  readonly #store: ObjectStore;
  readonly #now: () => Date;
  readonly #tickMs: number;
  readonly #recoveryMs: number;
  readonly #faults: ControllerFaults;
  readonly #timers = new Timers();
  readonly #unsubscribe: () => void;

  static start(options: {
    store: ObjectStore;
    now: () => Date;
    tickMs: number;
    recoveryMs: number;
    faults: ControllerFaults;
  }) {
    return new CnpgController(options);
  }

  private constructor(options: {
    store: ObjectStore;
    now: () => Date;
    tickMs: number;
    recoveryMs: number;
    faults: ControllerFaults;
  }) {
    this.#store = options.store;
    this.#now = options.now;
    this.#tickMs = options.tickMs;
    this.#recoveryMs = options.recoveryMs;
    this.#faults = options.faults;
    this.#unsubscribe = this.#store.subscribe(({ type, object }) => {
      if (
        type === 'ADDED' &&
        object.apiVersion === CNPG &&
        object.kind === 'Cluster' &&
        object.spec?.bootstrap?.recovery &&
        !object.status?.phase
      )
        this.#timers.later(this.#key(object), this.#tickMs, () =>
          this.#setUpPrimary(object),
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
      CNPG,
      'Cluster',
      o.metadata.namespace,
      o.metadata.name,
    );
  }

  #at() {
    return isoSeconds(this.#now());
  }

  #setUpPrimary(created: KubeObject) {
    const cluster = this.#current(created);
    if (!cluster) return;
    const namespace = cluster.metadata.namespace;
    const instance = `${cluster.metadata.name}-1`;
    const at = this.#at();
    this.#store.put({
      ...cluster,
      status: {
        phase: PHASE_FIRST_PRIMARY,
        phaseReason: `Creating primary instance ${instance}`,
        targetPrimary: instance,
        latestGeneratedNode: 1,
        conditions: [ready('False', at)],
      },
    });
    this.#store.put({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: instance,
        namespace,
        labels: {
          'cnpg.io/cluster': cluster.metadata.name,
          'cnpg.io/instanceName': instance,
          'cnpg.io/pvcRole': 'PG_DATA',
        },
        ownerReferences: owned(cluster),
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: {
          requests: { storage: cluster.spec?.storage?.size ?? '1Gi' },
        },
        ...(cluster.spec?.storage?.storageClass
          ? { storageClassName: cluster.spec.storage.storageClass }
          : {}),
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Pending' },
    });
    this.#store.put({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: `${instance}-full-recovery`,
        namespace,
        labels: {
          'cnpg.io/cluster': cluster.metadata.name,
          'cnpg.io/instanceName': instance,
          'cnpg.io/jobRole': 'full-recovery',
        },
        ownerReferences: owned(cluster),
      },
      spec: { backoffLimit: 6, completions: 1, parallelism: 1 },
      status: { active: 1, startTime: at, ready: 0 },
    });
    if (this.#faults.has('pvcStaysPending', namespace, instance)) return;
    this.#timers.later(this.#key(cluster), this.#tickMs, () => {
      provisionClaim(this.#store, this.#now, {
        namespace: namespace!,
        name: instance,
      });
      this.#timers.later(this.#key(cluster), this.#recoveryMs, () =>
        this.#recover(cluster),
      );
    });
  }

  /** Why the full-recovery Job fails, if it does. */
  #failure(cluster: KubeObject): string | undefined {
    const namespace = cluster.metadata.namespace;
    if (this.#faults.has('cnpgRecoveryFails', namespace, cluster.metadata.name))
      return 'injected';
    const recovery = cluster.spec.bootstrap.recovery;
    const source = (cluster.spec?.externalClusters ?? []).find(
      (e: any) => e?.name === recovery.source,
    );
    if (source?.plugin?.name !== BARMAN_PLUGIN) return undefined;
    const storeName = source.plugin.parameters?.barmanObjectName;
    const objectStore = this.#store.get(
      'barmancloud.cnpg.io/v1',
      'ObjectStore',
      namespace,
      storeName,
    );
    if (!objectStore)
      return `objectstores.barmancloud.cnpg.io "${storeName}" not found`;
    const server = source.plugin.parameters?.serverName ?? recovery.source;
    const window = objectStore.status?.serverRecoveryWindow?.[server];
    if (!window?.firstRecoverabilityPoint) return 'no target backup found';
    const target = recovery.recoveryTarget?.targetTime;
    if (target) {
      const time = Date.parse(target);
      if (time < Date.parse(window.firstRecoverabilityPoint))
        return 'no target backup found';
      if (time > this.#now().getTime())
        return 'recovery ended before configured recovery target was reached';
    }
    return undefined;
  }

  #recover(created: KubeObject) {
    const cluster = this.#current(created);
    if (!cluster) return;
    const namespace = cluster.metadata.namespace;
    const instance = `${cluster.metadata.name}-1`;
    const job = `${instance}-full-recovery`;
    const at = this.#at();
    const failure = this.#failure(cluster);
    const current = this.#store.get('batch/v1', 'Job', namespace, job);
    if (current)
      this.#store.put({
        ...current,
        status: failure
          ? {
              startTime: current.status?.startTime,
              failed: 7,
              ready: 0,
              conditions: [
                {
                  type: 'Failed',
                  status: 'True',
                  reason: 'BackoffLimitExceeded',
                  message: 'Job has reached the specified backoff limit',
                  lastProbeTime: at,
                  lastTransitionTime: at,
                },
              ],
            }
          : {
              startTime: current.status?.startTime,
              succeeded: 1,
              ready: 0,
              completionTime: at,
              conditions: [
                {
                  type: 'Complete',
                  status: 'True',
                  lastProbeTime: at,
                  lastTransitionTime: at,
                },
              ],
            },
      });
    if (failure) {
      this.#store.put({
        ...cluster,
        status: {
          ...cluster.status,
          phase: PHASE_UNRECOVERABLE,
          phaseReason: `Instance creation failed for the following jobs: ${job}. Check the job logs to investigate the cause of the failure.`,
          conditions: [ready('False', at)],
        },
      });
      return;
    }
    this.#store.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: instance,
        namespace,
        labels: {
          'cnpg.io/cluster': cluster.metadata.name,
          'cnpg.io/instanceName': instance,
          'cnpg.io/podRole': 'instance',
          role: 'primary',
          'cnpg.io/instanceRole': 'primary',
        },
        ownerReferences: owned(cluster),
      },
      spec: {
        containers: [{ name: 'postgres', image: cluster.spec?.imageName }],
        volumes: [
          { name: 'pgdata', persistentVolumeClaim: { claimName: instance } },
        ],
      },
      status: { phase: 'Running' },
    });
    this.#store.put({
      ...cluster,
      status: {
        ...cluster.status,
        phase: PHASE_HEALTHY,
        phaseReason: '',
        instances: 1,
        readyInstances: 1,
        currentPrimary: instance,
        currentPrimaryTimestamp: at,
        instanceNames: [instance],
        conditions: [
          ready('True', at),
          {
            type: 'ContinuousArchiving',
            status: 'True',
            reason: 'ContinuousArchivingSuccess',
            message: 'Continuous archiving is working',
            lastTransitionTime: at,
          },
        ],
      },
    });
  }
}
