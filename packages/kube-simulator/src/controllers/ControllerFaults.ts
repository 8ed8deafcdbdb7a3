import { globMatches } from './veleroGlob';

/**
 * What a simulated controller fails to do, for tests of what the product
 * makes of it (unlike `Fault`, which makes API requests fail):
 * - `pvcStaysPending`: the provisioner never binds a claim of these
 *   namespaces (globs) and names, as when a StorageClass cannot provision
 *   or a snapshot cannot be restored;
 * - `cnpgRecoveryFails`: the full-recovery Job of a recovery CNPG Cluster
 *   exhausts its backoff limit (e.g. barman-cloud-restore cannot read the
 *   object store, or the recovery ends before its target);
 * - `volsyncMoverFails`: the restic mover Job of a ReplicationDestination
 *   fails (its `latestMoverStatus` says Failed).
 */
export type ControllerFault =
  | { kind: 'pvcStaysPending'; namespace?: string; name?: string }
  | { kind: 'cnpgRecoveryFails'; namespace?: string; name?: string }
  | { kind: 'volsyncMoverFails'; namespace?: string; name?: string };

/** The controller faults in force. */
export class ControllerFaults {
  readonly #faults = new Set<ControllerFault>();

  add(fault: ControllerFault): () => void {
    this.#faults.add(fault);
    return () => {
      this.#faults.delete(fault);
    };
  }

  clear() {
    this.#faults.clear();
  }

  /** Whether a fault of this kind covers the object. */
  has(
    kind: ControllerFault['kind'],
    namespace: string | undefined,
    name: string,
  ): boolean {
    return [...this.#faults].some(
      f =>
        f.kind === kind &&
        (!f.namespace || globMatches(f.namespace, namespace ?? '')) &&
        (!f.name || globMatches(f.name, name)),
    );
  }
}
