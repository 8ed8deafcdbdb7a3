import { ResourceRegistry } from '../api/ResourceRegistry';
import { groupVersion } from '../api/resourceTypes';
import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';

type Ref = [
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string,
];

/**
 * The garbage collector, background propagation: when an object is
 * deleted, the objects whose `ownerReferences` name its uid are deleted
 * too (and theirs in turn), as a CNPG Cluster's pods, PVCs and Jobs go
 * with it.
 */
export class GarbageCollector {
  readonly #store: ObjectStore;
  /** Owner uid → its dependents. */
  readonly #dependents = new Map<string, Map<string, Ref>>();
  readonly #unsubscribe: () => void;

  static start(options: { store: ObjectStore; registry: ResourceRegistry }) {
    return new GarbageCollector(options);
  }

  private constructor(options: {
    store: ObjectStore;
    registry: ResourceRegistry;
  }) {
    this.#store = options.store;
    for (const type of options.registry.all())
      for (const o of this.#store.list(groupVersion(type), type.kind))
        this.#index(o);
    this.#unsubscribe = this.#store.subscribe(({ type, object }) => {
      if (type !== 'DELETED') {
        this.#index(object);
        return;
      }
      this.#unindex(object);
      const uid = object.metadata.uid;
      const dependents = uid ? this.#dependents.get(uid) : undefined;
      if (!dependents) return;
      this.#dependents.delete(uid!);
      for (const ref of dependents.values()) {
        const current = this.#store.get(...ref);
        const owners = (current?.metadata.ownerReferences ?? []) as Array<{
          uid?: string;
        }>;
        if (owners.some(owner => owner.uid === uid)) this.#store.delete(...ref);
      }
    });
  }

  stop() {
    this.#unsubscribe();
  }

  #refKey(o: KubeObject) {
    return `${o.apiVersion}|${o.kind}|${o.metadata.namespace ?? ''}|${
      o.metadata.name
    }`;
  }

  #index(o: KubeObject) {
    const owners = (o.metadata.ownerReferences ?? []) as Array<{
      uid?: string;
    }>;
    for (const owner of owners) {
      if (!owner.uid) continue;
      let dependents = this.#dependents.get(owner.uid);
      if (!dependents) {
        dependents = new Map();
        this.#dependents.set(owner.uid, dependents);
      }
      dependents.set(this.#refKey(o), [
        o.apiVersion,
        o.kind,
        o.metadata.namespace,
        o.metadata.name,
      ]);
    }
  }

  #unindex(o: KubeObject) {
    const owners = (o.metadata.ownerReferences ?? []) as Array<{
      uid?: string;
    }>;
    for (const owner of owners)
      if (owner.uid) this.#dependents.get(owner.uid)?.delete(this.#refKey(o));
  }
}
