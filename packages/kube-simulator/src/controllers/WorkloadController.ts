import { createHash } from 'node:crypto';
import { Clock, isoSeconds } from '../scenarios/fixtures/time';
import { NODES } from '../scenarios/fixtures/meta';
import { runningPodStatus } from '../scenarios/fixtures/odooWorkload';
import { KubeObject, StoreEvent } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { Timers } from './Timers';

const APPS = 'apps/v1';

function claimsOf(podSpec: any): string[] {
  return (podSpec?.volumes ?? [])
    .map((v: any) => v?.persistentVolumeClaim?.claimName)
    .filter((n: unknown): n is string => typeof n === 'string');
}

function templateHash(o: KubeObject): string {
  return createHash('sha256')
    .update(JSON.stringify(o.spec?.template ?? {}))
    .digest('hex')
    .slice(0, 10);
}

function condition(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  at: string,
) {
  return {
    type,
    status,
    lastUpdateTime: at,
    lastTransitionTime: at,
    reason,
    message,
  };
}

/**
 * The Deployment, StatefulSet and kubelet side of a workload coming up, for
 * objects created or changed while the simulator runs (seeded ones keep
 * their status): after `readyDelayMs`, once every PVC its pod template
 * mounts is Bound, a Deployment is Available (all replicas ready and
 * available; 0 replicas is Available at once, as the deployment controller
 * says of a scaled-down Deployment) and a StatefulSet ready; until then a
 * Deployment with replicas reports `Available=False`
 * (MinimumReplicasUnavailable). A Pending pod whose claims are Bound
 * becomes Running and Ready after the same delay, except one that waits in
 * Velero's `restore-wait` init container for data the simulator does not
 * restore. ReplicaSets and pods of Deployments are not created.
 */
export class WorkloadController {
  readonly #store: ObjectStore;
  readonly #now: () => Date;
  readonly #readyDelayMs: number;
  readonly #timers = new Timers();
  /** Objects waiting for a claim or their delay, by key. */
  readonly #waiting = new Set<string>();
  /** Workloads created while the simulator runs: seeded ones are left alone. */
  readonly #created = new Set<string>();
  readonly #unsubscribe: () => void;

  static start(options: {
    store: ObjectStore;
    now: () => Date;
    readyDelayMs: number;
  }) {
    return new WorkloadController(options);
  }

  private constructor(options: {
    store: ObjectStore;
    now: () => Date;
    readyDelayMs: number;
  }) {
    this.#store = options.store;
    this.#now = options.now;
    this.#readyDelayMs = options.readyDelayMs;
    this.#unsubscribe = this.#store.subscribe(event => this.#onEvent(event));
  }

  stop() {
    this.#unsubscribe();
    this.#timers.clear();
  }

  #onEvent({ type, object: o }: StoreEvent) {
    if (type === 'DELETED') {
      this.#created.delete(this.#key(o));
      this.#waiting.delete(this.#key(o));
      return;
    }
    const workload =
      o.apiVersion === APPS && ['Deployment', 'StatefulSet'].includes(o.kind);
    if (workload) {
      const key = this.#key(o);
      if (type === 'ADDED') this.#created.add(key);
      if (
        this.#created.has(key) &&
        o.metadata.generation !== o.status?.observedGeneration
      )
        this.#reconcile(o);
      return;
    }
    if (o.apiVersion === 'v1' && o.kind === 'Pod' && type === 'ADDED') {
      if (o.status?.phase === 'Pending') this.#reconcile(o);
      return;
    }
    // A claim that became Bound may be what a waiting workload needed.
    if (
      o.apiVersion === 'v1' &&
      o.kind === 'PersistentVolumeClaim' &&
      o.status?.phase === 'Bound'
    ) {
      for (const key of [...this.#waiting]) {
        const [apiVersion, kind, namespace, name] = key.split('|');
        if (namespace !== o.metadata.namespace) continue;
        const current = this.#store.get(apiVersion, kind, namespace, name);
        if (current) this.#reconcile(current);
      }
    }
  }

  #key(o: KubeObject) {
    return `${o.apiVersion}|${o.kind}|${o.metadata.namespace}|${o.metadata.name}`;
  }

  #unbound(o: KubeObject): string[] {
    const podSpec = o.kind === 'Pod' ? o.spec : o.spec?.template?.spec;
    return claimsOf(podSpec).filter(
      claim =>
        this.#store.get(
          'v1',
          'PersistentVolumeClaim',
          o.metadata.namespace,
          claim,
        )?.status?.phase !== 'Bound',
    );
  }

  #reconcile(o: KubeObject) {
    const key = this.#key(o);
    const replicas = o.kind === 'Pod' ? 1 : o.spec?.replicas ?? 1;
    if (replicas === 0) {
      this.#waiting.delete(key);
      this.#ready(o);
      return;
    }
    if (
      o.kind === 'Deployment' &&
      o.status?.observedGeneration !== o.metadata.generation
    )
      this.#progressing(o, replicas);
    this.#waiting.add(key);
    if (this.#unbound(o).length > 0) return;
    this.#timers.later(key, this.#readyDelayMs, () => {
      const current = this.#store.get(
        o.apiVersion,
        o.kind,
        o.metadata.namespace,
        o.metadata.name,
      );
      if (!current || this.#unbound(current).length > 0) return;
      this.#waiting.delete(key);
      this.#ready(current);
    });
  }

  #put(o: KubeObject, status: Record<string, unknown>) {
    const current = this.#store.get(
      o.apiVersion,
      o.kind,
      o.metadata.namespace,
      o.metadata.name,
    );
    if (current) this.#store.put({ ...current, status });
  }

  #progressing(o: KubeObject, replicas: number) {
    const at = isoSeconds(this.#now());
    const rs = `${o.metadata.name}-${templateHash(o)}`;
    this.#put(o, {
      observedGeneration: o.metadata.generation,
      replicas,
      updatedReplicas: replicas,
      unavailableReplicas: replicas,
      conditions: [
        condition(
          'Available',
          'False',
          'MinimumReplicasUnavailable',
          'Deployment does not have minimum availability.',
          at,
        ),
        condition(
          'Progressing',
          'True',
          'ReplicaSetUpdated',
          `ReplicaSet "${rs}" is progressing.`,
          at,
        ),
      ],
    });
  }

  #ready(o: KubeObject) {
    const at = isoSeconds(this.#now());
    if (o.kind === 'Pod') {
      if (
        (o.spec?.initContainers ?? []).some(
          (c: any) => c?.name === 'restore-wait',
        )
      )
        return;
      this.#store.put({
        ...o,
        spec: { ...o.spec, nodeName: o.spec?.nodeName ?? NODES[0] },
        status: runningPodStatus(
          new Clock(this.#now()),
          o.metadata.name,
          0,
          0,
          o.spec?.containers ?? [],
        ),
      });
      return;
    }
    const replicas = o.spec?.replicas ?? 1;
    const counts = replicas
      ? {
          replicas,
          updatedReplicas: replicas,
          readyReplicas: replicas,
          availableReplicas: replicas,
        }
      : {};
    if (o.kind === 'StatefulSet') {
      const revision = `${o.metadata.name}-${templateHash(o)}`;
      this.#put(o, {
        observedGeneration: o.metadata.generation,
        replicas,
        ...counts,
        currentReplicas: replicas,
        currentRevision: revision,
        updateRevision: revision,
        collisionCount: 0,
      });
      return;
    }
    const rs = `${o.metadata.name}-${templateHash(o)}`;
    this.#put(o, {
      observedGeneration: o.metadata.generation,
      ...counts,
      conditions: [
        condition(
          'Available',
          'True',
          'MinimumReplicasAvailable',
          'Deployment has minimum availability.',
          at,
        ),
        condition(
          'Progressing',
          'True',
          'NewReplicaSetAvailable',
          `ReplicaSet "${rs}" has successfully progressed.`,
          at,
        ),
      ],
    });
  }
}
