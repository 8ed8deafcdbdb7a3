import { mergePatch } from '../api/patch';
import { isoSeconds } from '../scenarios/fixtures/time';
import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';

const KUSTOMIZATION = 'kustomize.toolkit.fluxcd.io/v1';
const HELM_RELEASE = 'helm.toolkit.fluxcd.io/v2';
const GIT_REPOSITORY = 'source.toolkit.fluxcd.io/v1';
/** `flux reconcile` sets it; the controllers copy it to status.lastHandledReconcileAt. */
const REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';

function same(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields of an applied manifest that come from Git: all but status and server-set metadata. */
function manifest(o: KubeObject): KubeObject {
  const { status: _status, metadata, ...rest } = o;
  return {
    ...rest,
    metadata: {
      name: metadata.name,
      ...(metadata.namespace ? { namespace: metadata.namespace } : {}),
      ...(metadata.labels ? { labels: metadata.labels } : {}),
      ...(metadata.annotations ? { annotations: metadata.annotations } : {}),
    },
  } as KubeObject;
}

function isReady(o: KubeObject): boolean {
  return (o.status?.conditions ?? []).some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );
}

/**
 * kustomize-controller and helm-controller, as far as suspend and
 * reconciling go (fluxcd kustomization_controller.go Reconcile and
 * finalizeStatus, helm-controller helmrelease_controller.go Reconcile).
 * Each tick stands for one reconcile of every object (the simulator does
 * not wait `spec.interval`):
 * - a Kustomization that is not suspended: observedGeneration follows
 *   generation, lastHandledReconcileAt the `reconcile.fluxcd.io/requestedAt`
 *   annotation, Ready True (ReconciliationSucceeded, "Applied revision: …")
 *   with lastTransitionTime the end of this run; and it applies its Git
 *   state again: each object of its `status.inventory`, as seeded, is
 *   created when missing and has the fields Git sets put back (server-side
 *   apply: fields Git does not set, such as Velero's restore labels or a
 *   `spec.suspend` someone patched, stay);
 * - a HelmRelease that is not suspended: observedGeneration and
 *   lastAttemptedGeneration follow generation, lastHandledReconcileAt the
 *   annotation; Ready changes only around a Helm action, so it is left as
 *   it is (a HelmRelease without one, e.g. a restored copy, is installed:
 *   Ready True, InstallSucceeded);
 * - a suspended one is not reconciled and applies nothing: its conditions,
 *   revisions and history stay as they were. Only the deferred status patch
 *   runs, on a change of generation or of the annotation: it records
 *   lastHandledReconcileAt and sets observedGeneration to generation
 *   (a Kustomization only while Ready is True), so a client sees that the
 *   controller has observed the suspend.
 */
export class FluxController {
  readonly #store: ObjectStore;
  readonly #now: () => Date;
  readonly #timer: NodeJS.Timeout;
  /** Kustomization (namespace/name) → the manifests of its inventory, as Git has them. */
  readonly #git = new Map<string, KubeObject[]>();

  static start(options: {
    store: ObjectStore;
    tickMs: number;
    now: () => Date;
  }) {
    return new FluxController(options);
  }

  private constructor(options: {
    store: ObjectStore;
    tickMs: number;
    now: () => Date;
  }) {
    this.#store = options.store;
    this.#now = options.now;
    for (const ks of this.#store.list(KUSTOMIZATION, 'Kustomization')) {
      const manifests = (ks.status?.inventory?.entries ?? []).flatMap(
        (entry: { id: string; v: string }) => {
          const [namespace, name, group, kind] = entry.id.split('_');
          const apiVersion = group ? `${group}/${entry.v}` : entry.v;
          const live = this.#store.get(
            apiVersion,
            kind,
            namespace || undefined,
            name,
          );
          return live ? [manifest(live)] : [];
        },
      );
      this.#git.set(`${ks.metadata.namespace}/${ks.metadata.name}`, manifests);
    }
    this.#timer = setInterval(() => this.tick(), options.tickMs);
    this.#timer.unref();
  }

  stop() {
    clearInterval(this.#timer);
  }

  /** One reconcile of every Kustomization and HelmRelease. */
  tick() {
    for (const ks of this.#store.list(KUSTOMIZATION, 'Kustomization'))
      this.#kustomization(ks);
    for (const hr of this.#store.list(HELM_RELEASE, 'HelmRelease'))
      this.#helmRelease(hr);
  }

  #write(o: KubeObject, status: Record<string, unknown>) {
    if (same(o.status ?? {}, status)) return;
    this.#store.put({ ...o, status });
  }

  /** The deferred status patch that runs even for a suspended object. */
  #handled(o: KubeObject, status: Record<string, any>) {
    const requested = o.metadata.annotations?.[REQUESTED_AT];
    if (requested !== undefined) status.lastHandledReconcileAt = requested;
  }

  #kustomization(ks: KubeObject) {
    const status: Record<string, any> = { ...ks.status };
    this.#handled(ks, status);
    if (ks.spec?.suspend) {
      if (isReady(ks)) status.observedGeneration = ks.metadata.generation;
      this.#write(ks, status);
      return;
    }
    const source = this.#store.get(
      GIT_REPOSITORY,
      ks.spec?.sourceRef?.kind ?? 'GitRepository',
      ks.spec?.sourceRef?.namespace ?? ks.metadata.namespace,
      ks.spec?.sourceRef?.name ?? '',
    );
    const revision =
      source?.status?.artifact?.revision ?? status.lastAppliedRevision;
    for (const desired of this.#git.get(
      `${ks.metadata.namespace}/${ks.metadata.name}`,
    ) ?? [])
      this.#apply(desired);
    const now = isoSeconds(this.#now());
    status.observedGeneration = ks.metadata.generation;
    if (revision) {
      status.lastAppliedRevision = revision;
      status.lastAttemptedRevision = revision;
    }
    status.conditions = [
      ...(status.conditions ?? []).filter(
        (c: any) => c.type !== 'Ready' && c.type !== 'Reconciling',
      ),
      {
        type: 'Ready',
        status: 'True',
        reason: 'ReconciliationSucceeded',
        message: `Applied revision: ${revision ?? 'unknown'}`,
        lastTransitionTime: now,
      },
    ];
    this.#write(ks, status);
  }

  /** Server-side apply of one manifest: Git's fields win, the others stay. */
  #apply(desired: KubeObject) {
    const live = this.#store.get(
      desired.apiVersion,
      desired.kind,
      desired.metadata.namespace,
      desired.metadata.name,
    );
    if (!live) {
      if (
        !desired.metadata.namespace ||
        this.#store.get(
          'v1',
          'Namespace',
          undefined,
          desired.metadata.namespace,
        )
      )
        this.#store.put(desired);
      return;
    }
    const next = mergePatch(live, desired) as KubeObject;
    if (!same(next, live)) this.#store.put(next);
  }

  #helmRelease(hr: KubeObject) {
    const status: Record<string, any> = { ...hr.status };
    this.#handled(hr, status);
    status.observedGeneration = hr.metadata.generation;
    if (hr.spec?.suspend) {
      this.#write(hr, status);
      return;
    }
    status.lastAttemptedGeneration = hr.metadata.generation;
    if (!(status.conditions ?? []).some((c: any) => c.type === 'Ready')) {
      const namespace = hr.spec?.targetNamespace ?? hr.metadata.namespace;
      const chart = hr.spec?.chart?.spec;
      const message = `Helm install succeeded for release ${namespace}/${
        hr.spec?.releaseName ?? hr.metadata.name
      }.v1 with chart ${chart?.chart ?? hr.metadata.name}@${
        chart?.version ?? ''
      }`;
      const now = isoSeconds(this.#now());
      status.lastAttemptedReleaseAction = 'install';
      status.storageNamespace = hr.spec?.storageNamespace ?? namespace;
      status.conditions = [
        {
          type: 'Ready',
          status: 'True',
          reason: 'InstallSucceeded',
          message,
          lastTransitionTime: now,
        },
        {
          type: 'Released',
          status: 'True',
          reason: 'InstallSucceeded',
          message,
          lastTransitionTime: now,
        },
      ];
    }
    this.#write(hr, status);
  }
}
