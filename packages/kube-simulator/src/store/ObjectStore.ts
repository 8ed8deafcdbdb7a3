import { randomUUID } from 'node:crypto';
import { KubeObject, StoreEvent } from './KubeObject';
import { byKey } from '../api/listObjects';

const EVENT_LOG_SIZE = 5000;

function key(
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string,
) {
  return `${apiVersion}|${kind}|${namespace ?? ''}|${name}`;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

function typeKey(apiVersion: string, kind: string) {
  return `${apiVersion}|${kind}`;
}

/** etcd's key of an object within its type: namespace, then name. */
function sortKey(o: KubeObject) {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

/**
 * The objects of one simulated cluster, with a global resourceVersion and an
 * event log so that watches can resume from a resourceVersion.
 */
export class ObjectStore {
  #objects = new Map<string, KubeObject>();
  /** The objects of each type, by their etcd key; a LIST reads one type only. */
  #byType = new Map<string, Map<string, KubeObject>>();
  /** Each type's objects in etcd's order (all, and per namespace), until the type changes. */
  #sorted = new Map<string, Map<string | undefined, readonly KubeObject[]>>();
  #resourceVersion = 1;
  #events: StoreEvent[] = [];
  #listeners = new Set<(event: StoreEvent) => void>();
  readonly #now: () => Date;

  static create(
    options: { now?: () => Date; firstResourceVersion?: number } = {},
  ) {
    return new ObjectStore(
      options.now ?? (() => new Date()),
      options.firstResourceVersion ?? 1,
    );
  }

  private constructor(now: () => Date, firstResourceVersion: number) {
    this.#now = now;
    this.#resourceVersion = firstResourceVersion;
  }

  get resourceVersion(): number {
    return this.#resourceVersion;
  }

  /** The oldest resourceVersion a watch can still resume from. */
  get oldestResumableVersion(): number {
    return this.#events.length
      ? this.#events[0].resourceVersion - 1
      : this.#resourceVersion;
  }

  get(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ) {
    const found = this.#objects.get(key(apiVersion, kind, namespace, name));
    return found ? clone(found) : undefined;
  }

  list(apiVersion: string, kind: string, namespace?: string): KubeObject[] {
    return this.select(apiVersion, kind, namespace).map(clone);
  }

  /**
   * The objects of a type in etcd's key order (byte by byte, not by locale),
   * not copied: for answers that only serialise them. A caller must not
   * change them; `list` gives copies.
   */
  select(
    apiVersion: string,
    kind: string,
    namespace?: string,
  ): readonly KubeObject[] {
    const type = typeKey(apiVersion, kind);
    let views = this.#sorted.get(type);
    if (!views) {
      views = new Map();
      this.#sorted.set(type, views);
    }
    let view = views.get(namespace);
    if (!view) {
      view =
        namespace === undefined
          ? [...(this.#byType.get(type)?.entries() ?? [])]
              .sort(([a], [b]) => byKey(a, b))
              .map(([, object]) => object)
          : this.select(apiVersion, kind).filter(
              o => o.metadata.namespace === namespace,
            );
      views.set(namespace, view);
    }
    return view;
  }

  #index(object: KubeObject) {
    const type = typeKey(object.apiVersion, object.kind);
    let objects = this.#byType.get(type);
    if (!objects) {
      objects = new Map();
      this.#byType.set(type, objects);
    }
    objects.set(sortKey(object), object);
    this.#sorted.delete(type);
  }

  #unindex(object: KubeObject) {
    const type = typeKey(object.apiVersion, object.kind);
    this.#byType.get(type)?.delete(sortKey(object));
    this.#sorted.delete(type);
  }

  /** Creates or replaces an object, bumping its resourceVersion. */
  put(input: KubeObject): KubeObject {
    const object = clone(input);
    const k = key(
      object.apiVersion,
      object.kind,
      object.metadata.namespace,
      object.metadata.name,
    );
    const existing = this.#objects.get(k);
    this.#resourceVersion += 1;
    object.metadata.uid =
      existing?.metadata.uid ?? object.metadata.uid ?? randomUUID();
    object.metadata.creationTimestamp =
      existing?.metadata.creationTimestamp ??
      object.metadata.creationTimestamp ??
      this.#now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    // A seeded object may bring its history (generation > 1); the request
    // handler drops client-set generations on create, as the API server does.
    object.metadata.generation = existing
      ? (existing.metadata.generation ?? 1) +
        (JSON.stringify(existing.spec) === JSON.stringify(object.spec) ? 0 : 1)
      : object.metadata.generation ?? 1;
    object.metadata.resourceVersion = String(this.#resourceVersion);
    this.#objects.set(k, object);
    this.#index(object);
    this.#emit({
      type: existing ? 'MODIFIED' : 'ADDED',
      object: clone(object),
      resourceVersion: this.#resourceVersion,
    });
    return clone(object);
  }

  delete(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ) {
    const k = key(apiVersion, kind, namespace, name);
    const existing = this.#objects.get(k);
    if (!existing) return undefined;
    this.#objects.delete(k);
    this.#unindex(existing);
    this.#resourceVersion += 1;
    existing.metadata.resourceVersion = String(this.#resourceVersion);
    this.#emit({
      type: 'DELETED',
      object: clone(existing),
      resourceVersion: this.#resourceVersion,
    });
    return clone(existing);
  }

  /**
   * Forgets the event history, as etcd's compaction does: a watch from an
   * older resourceVersion then gets 410 Gone.
   */
  compact() {
    this.#events = [];
  }

  /** Events after a resourceVersion, or undefined when the log no longer reaches back. */
  eventsSince(resourceVersion: number): StoreEvent[] | undefined {
    if (resourceVersion < this.oldestResumableVersion) return undefined;
    return this.#events
      .filter(e => e.resourceVersion > resourceVersion)
      .map(clone);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(event: StoreEvent) {
    this.#events.push(event);
    if (this.#events.length > EVENT_LOG_SIZE) this.#events.shift();
    for (const listener of this.#listeners) listener(clone(event));
  }
}
