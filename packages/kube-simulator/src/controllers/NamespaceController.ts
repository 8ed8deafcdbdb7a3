import { ResourceRegistry } from '../api/ResourceRegistry';
import { groupVersion } from '../api/resourceTypes';
import { ObjectStore } from '../store/ObjectStore';
import { Timers } from './Timers';

/**
 * The namespace controller: a Namespace deleted through the API is marked
 * Terminating (deletionTimestamp, `status.phase: Terminating`) by the
 * request handler; one tick later every namespaced object in it is
 * deleted, then the Namespace itself, so a client sees it Terminating
 * before it is gone (a GET then answers 404).
 */
export class NamespaceController {
  readonly #store: ObjectStore;
  readonly #registry: ResourceRegistry;
  readonly #tickMs: number;
  readonly #timers = new Timers();
  readonly #unsubscribe: () => void;

  static start(options: {
    store: ObjectStore;
    registry: ResourceRegistry;
    tickMs: number;
  }) {
    return new NamespaceController(options);
  }

  private constructor(options: {
    store: ObjectStore;
    registry: ResourceRegistry;
    tickMs: number;
  }) {
    this.#store = options.store;
    this.#registry = options.registry;
    this.#tickMs = options.tickMs;
    this.#unsubscribe = this.#store.subscribe(({ type, object }) => {
      if (
        type !== 'DELETED' &&
        object.apiVersion === 'v1' &&
        object.kind === 'Namespace' &&
        object.metadata.deletionTimestamp
      )
        this.#timers.later(object.metadata.name, this.#tickMs, () =>
          this.#finalize(object.metadata.name),
        );
    });
  }

  stop() {
    this.#unsubscribe();
    this.#timers.clear();
  }

  #finalize(namespace: string) {
    for (const type of this.#registry.all()) {
      if (!type.namespaced) continue;
      for (const o of this.#store.list(
        groupVersion(type),
        type.kind,
        namespace,
      ))
        this.#store.delete(o.apiVersion, o.kind, namespace, o.metadata.name);
    }
    this.#store.delete('v1', 'Namespace', undefined, namespace);
  }
}
