import { LoggerService } from '@backstage/backend-plugin-api';
import { resources } from '../cluster/resources';
import { ClusterAccess } from './planRestore';
import { RestoreStore, Suspension } from './RestoreStore';

const KINDS = {
  Kustomization: resources.kustomizations,
  HelmRelease: resources.helmReleases,
} as const;

/**
 * Suspends the Flux objects that manage a restore's target, and resumes
 * them when it ends. What was suspended is in the database before the first
 * PATCH, so any replica (after a restart, too) can resume it.
 */
export class GitOpsSuspender {
  readonly #store: RestoreStore;
  readonly #logger: LoggerService;

  constructor(options: { store: RestoreStore; logger: LoggerService }) {
    this.#store = options.store;
    this.#logger = options.logger;
  }

  async #set(access: ClusterAccess, s: Suspension, suspend: boolean) {
    const resource = KINDS[s.kind as keyof typeof KINDS];
    if (!resource) return;
    await access.writer.patch(resource, s.namespace, s.name, [
      { op: 'add', path: '/spec/suspend', value: suspend },
    ]);
  }

  async suspend(access: ClusterAccess, suspensions: Suspension[]) {
    for (const s of suspensions) await this.#set(access, s, true);
  }

  async resume(
    access: ClusterAccess,
    request: { id: string; suspensions: Suspension[]; resumedAt?: string },
  ) {
    if (request.resumedAt || request.suspensions.length === 0) return;
    for (const s of request.suspensions) {
      try {
        await this.#set(access, s, false);
      } catch (error) {
        this.#logger.warn(
          `backups: could not resume ${s.kind} ${s.namespace}/${s.name}`,
          error as Error,
        );
        throw error;
      }
    }
    await this.#store.updateRequest(request.id, {
      resumedAt: new Date().toISOString(),
    });
  }
}
