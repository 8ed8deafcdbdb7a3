import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  RestoreCreated,
  RestoreList,
  RestorePlan,
  RestorePlanRequest,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { resources } from '../cluster/resources';
import { resolveEntityTargets } from '../cluster/resolveEntityTargets';
import { includesNamespace } from '../readers/includesNamespace';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import {
  DownloadTarget,
  fetchDownload,
  parseResourceList,
} from './fetchDownload';
import { ClusterAccess, planHash, planRestore } from './planRestore';
import { RestoreConfig } from './restoreConfig';
import { GitOpsSuspender } from './GitOpsSuspender';
import {
  RESTORE_ANNOTATIONS,
  RESTORE_LABELS,
  entityLabelValue,
  restoreName,
} from './restoreLabels';
import { RestoreStore } from './RestoreStore';

type Options = {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  store: RestoreStore;
  clusters: ClusterDetails[];
  /** Reads and writes for restores: against the API server itself. */
  access: (cluster: ClusterDetails) => ClusterAccess;
  /**
   * Reads that only show what exists (the entity's restores list): the
   * watch-fed cache, so that a tab load costs the cluster nothing. The
   * `access` reads when absent.
   */
  display?: (cluster: ClusterDetails) => ClusterAccess['state'];
  veleroNamespace: string;
  config: RestoreConfig;
  deadlineMs: number;
  now?: () => Date;
};

type Caller = { credentials: BackstageCredentials; userRef: string };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Plans, requests and follows Velero restores for catalog entities. Every
 * door (REST, actions, scaffolder) goes through this one service, so the
 * same guards hold everywhere; the router and actions check the permission.
 */
export class RestoreService {
  readonly #o: Options;
  readonly #lists = new Map<string, Record<string, string[]>>();
  readonly #suspender: GitOpsSuspender;

  static create(options: Options): RestoreService {
    return new RestoreService(options);
  }

  private constructor(options: Options) {
    this.#o = options;
    this.#suspender = new GitOpsSuspender({
      store: options.store,
      logger: options.logger,
    });
  }

  #now() {
    return this.#o.now?.() ?? new Date();
  }

  async #entity(
    ref: CompoundEntityRef,
    caller: { credentials: BackstageCredentials },
  ): Promise<{ entity: Entity; entityRef: string }> {
    const entityRef = stringifyEntityRef(ref);
    const entity = await this.#o.catalog.getEntityByRef(ref, {
      credentials: caller.credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    return { entity, entityRef };
  }

  #target(entity: Entity, cluster?: string) {
    const { targets, errors } = resolveEntityTargets(entity, this.#o.clusters);
    const chosen = targets.filter(t => !cluster || t.cluster.name === cluster);
    if (chosen.length === 0)
      throw new InputError(
        errors[0]?.message ??
          `cluster: the entity does not live in cluster ${cluster}`,
      );
    if (chosen.length > 1)
      throw new InputError(
        `cluster: the entity lives in ${chosen
          .map(t => t.cluster.name)
          .join(', ')}; name one`,
      );
    return chosen[0];
  }

  async #plan(entity: Entity, entityRef: string, request: RestorePlanRequest) {
    const { cluster, target } = this.#target(entity, request.cluster);
    const access = this.#o.access(cluster);
    const signal = AbortSignal.timeout(this.#o.deadlineMs);
    const plan = await planRestore(
      {
        access,
        entity,
        entityRef,
        namespace: target.namespace,
        veleroNamespace: this.#o.veleroNamespace,
        config: this.#o.config,
        now: this.#now(),
        signal,
        resourceList: backup => this.#resourceList(access, backup, signal),
        restoredBefore: (await this.#o.store.requestsFor(entityRef))
          .filter(r => r.cluster === access.name && r.outcome === 'created')
          .map(r => r.targetNamespace),
      },
      request,
    );
    return { plan, hash: planHash(plan), access };
  }

  /** A backup's resource list never changes, so it is fetched once per replica. */
  async #resourceList(
    access: ClusterAccess,
    backup: string,
    signal: AbortSignal,
  ) {
    const key = `${access.name}/${backup}`;
    let list = this.#lists.get(key);
    if (!list) {
      list = parseResourceList(
        await this.#download(
          access,
          { kind: 'BackupResourceList', name: backup },
          signal,
        ),
      );
      this.#lists.set(key, list);
    }
    return list;
  }

  #download(
    access: ClusterAccess,
    target: DownloadTarget,
    signal: AbortSignal,
  ) {
    return fetchDownload(access, this.#o.veleroNamespace, target, {
      signal,
      maxBytes: this.#o.config.maxDownloadBytes,
    });
  }

  /** Computes and stores a plan; nothing is written to the cluster but a DownloadRequest. */
  async plan(
    ref: CompoundEntityRef,
    request: RestorePlanRequest,
    caller: Caller,
  ): Promise<RestorePlan> {
    const { entity, entityRef } = await this.#entity(ref, caller);
    const { plan, hash } = await this.#plan(entity, entityRef, request);
    const expiresAt = DateTime.fromJSDate(this.#now()).plus({
      seconds: this.#o.config.planTtlSeconds,
    });
    const full: RestorePlan = {
      ...plan,
      id: randomUUID(),
      hash,
      expiresAt: expiresAt.toUTC().toISO()!,
    };
    await this.#o.store.savePlan({
      plan: full,
      request,
      requestedBy: caller.userRef,
      expiresAt,
    });
    return full;
  }

  /**
   * Creates the Restore of a plan whose facts still hold. The Restore's name
   * follows the Idempotency-Key, so a repeat (on any replica) returns the
   * same restore; one restore per entity and target is in flight at a time.
   */
  async create(
    ref: CompoundEntityRef,
    body: { planId: string; planHash: string },
    idempotencyKey: string | undefined,
    caller: Caller,
  ): Promise<{ created: boolean; restore: RestoreCreated }> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new InputError(
        'Idempotency-Key: a header of 8 to 128 letters, digits, ".", "_", ":" or "-" is required',
      );
    const { entity, entityRef } = await this.#entity(ref, caller);
    const repeat = await this.#o.store.findRequest(entityRef, idempotencyKey);
    if (repeat)
      return { created: false, restore: await this.#describe(repeat) };
    const stored = await this.#o.store.getPlan(body.planId);
    if (
      !stored ||
      stored.plan.entityRef !== entityRef ||
      stored.requestedBy !== caller.userRef
    )
      throw new NotFoundError(
        `planId: no plan ${body.planId} of yours for ${entityRef}`,
      );
    if (stored.expiresAt.toJSDate() <= this.#now())
      throw new ConflictError(
        `planId: plan ${body.planId} expired at ${stored.plan.expiresAt}; plan again`,
      );
    if (stored.plan.hash !== body.planHash)
      throw new ConflictError(
        'planHash: it does not match the plan; plan again',
      );
    const { plan, hash, access } = await this.#plan(
      entity,
      entityRef,
      stored.request,
    ).catch(error => {
      // The plan held when it was made; what refuses it now is a change.
      if (
        ['NotFoundError', 'InputError', 'NotAllowedError'].includes(error?.name)
      )
        throw new ConflictError(
          `The cluster changed since the plan was made: ${error.message}; plan again`,
        );
      throw error;
    });
    if (hash !== stored.plan.hash)
      throw new ConflictError(
        `The cluster changed since the plan was made (backup ${stored.request.backupName}, target ${plan.targetNamespace}, or a running restore); plan again`,
      );
    const name = restoreName(
      stored.request.backupName,
      entityRef,
      idempotencyKey,
    );
    const id = randomUUID();
    const suspensions = plan.gitops.suspend
      ? plan.gitops.managedBy
          .filter(m => !m.suspended)
          .map(({ kind, namespace, name: n }) => ({ kind, namespace, name: n }))
      : [];
    const record = {
      id,
      idempotencyKey,
      entityRef,
      cluster: access.name,
      namespace: this.#o.veleroNamespace,
      restoreName: name,
      targetNamespace: plan.targetNamespace,
      requestedBy: caller.userRef,
      requestedAt: this.#now().toISOString(),
      planId: stored.plan.id,
      planHash: hash,
      outcome: 'created' as const,
      suspensions,
    };
    // The request row claims the Idempotency-Key: a concurrent repeat, on any
    // replica, loses the insert and answers with the winner's restore.
    if (!(await this.#o.store.insertRequest(record))) {
      const winner = await this.#o.store.findRequest(entityRef, idempotencyKey);
      return { created: false, restore: await this.#describe(winner!) };
    }
    const holder = await this.#o.store.lock(
      entityRef,
      access.name,
      plan.targetNamespace,
      id,
    );
    if (holder) {
      await this.#o.store.deleteRequest(id);
      throw new ConflictError(
        `A restore of ${entityRef} into ${plan.targetNamespace} is already in flight (request ${holder}); wait for it to end`,
      );
    }
    try {
      // Recorded first, so that a crash after suspending still resumes them.
      await this.#suspender.suspend(access, suspensions);
      await access.writer.create(
        resources.veleroRestores,
        this.#o.veleroNamespace,
        {
          ...stored.plan.restore,
          metadata: {
            ...(stored.plan.restore.metadata as object),
            name,
            annotations: {
              ...((stored.plan.restore.metadata as any)?.annotations ?? {}),
              [RESTORE_ANNOTATIONS.requestedBy]: caller.userRef,
              [RESTORE_ANNOTATIONS.requestId]: id,
              [RESTORE_ANNOTATIONS.planHash]: hash,
            },
          },
        },
      );
    } catch (error) {
      if ((error as { code?: number }).code !== 409) {
        await this.#suspender.resume(access, record);
        await this.#o.store.updateRequest(id, {
          outcome: 'failed',
          message: (error as Error).message,
          finishedAt: this.#now().toISOString(),
        });
        await this.#o.store.unlock(id);
        throw error;
      }
    }
    return {
      created: true,
      restore: {
        cluster: access.name,
        namespace: this.#o.veleroNamespace,
        name,
        phase: 'New',
      },
    };
  }

  async #describe(record: {
    cluster: string;
    namespace: string;
    restoreName: string;
  }): Promise<RestoreCreated> {
    const cluster = this.#o.clusters.find(c => c.name === record.cluster);
    const [restore] = cluster
      ? await this.#o.access(cluster).state.list(resources.veleroRestores, {
          namespace: record.namespace,
          fieldSelector: `metadata.name=${record.restoreName}`,
        })
      : [];
    return {
      cluster: record.cluster,
      namespace: record.namespace,
      name: record.restoreName,
      phase: restore?.status?.phase ?? 'New',
    };
  }

  /** The entity's restores made through this plugin, newest first. */
  async list(
    ref: CompoundEntityRef,
    caller: { credentials: BackstageCredentials },
  ): Promise<RestoreList> {
    const { entity, entityRef } = await this.#entity(ref, caller);
    const { targets } = resolveEntityTargets(entity, this.#o.clusters);
    const items = await Promise.all(
      targets.map(async ({ cluster }) => {
        const state =
          this.#o.display?.(cluster) ?? this.#o.access(cluster).state;
        const restores = await state.list(resources.veleroRestores, {
          namespace: this.#o.veleroNamespace,
          labelSelector: `${RESTORE_LABELS.entity}=${entityLabelValue(
            entityRef,
          )}`,
          signal: AbortSignal.timeout(this.#o.deadlineMs),
        });
        return restores.map(r => ({
          cluster: cluster.name,
          namespace: r.metadata.namespace ?? this.#o.veleroNamespace,
          name: r.metadata.name,
          phase: r.status?.phase ?? 'New',
          progress: r.status?.progress,
          warnings: r.status?.warnings,
          errors: r.status?.errors,
          requestedBy:
            r.metadata.annotations?.[RESTORE_ANNOTATIONS.requestedBy],
          createdAt: r.metadata.creationTimestamp,
          backupName: r.spec?.backupName,
          targetNamespace: r.metadata.labels?.[RESTORE_LABELS.target],
        }));
      }),
    );
    return {
      items: items
        .flat()
        .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt))),
    };
  }

  /** A backup's or a restore's log, through a DownloadRequest; the URL stays here. */
  async logs(
    ref: CompoundEntityRef,
    target: { kind: 'backup' | 'restore'; name: string; cluster?: string },
    caller: Caller,
  ): Promise<string> {
    const { entity, entityRef } = await this.#entity(ref, caller);
    const { cluster, target: where } = this.#target(entity, target.cluster);
    const access = this.#o.access(cluster);
    const signal = AbortSignal.timeout(this.#o.deadlineMs);
    const velero = {
      namespace: this.#o.veleroNamespace,
      signal,
      fieldSelector: `metadata.name=${target.name}`,
    };
    if (target.kind === 'backup') {
      const [backup] = await access.state.list(resources.veleroBackups, velero);
      // Same ownership rule as restoring: the backup must hold the entity's namespace.
      if (!backup || !includesNamespace(backup.spec ?? {}, where.namespace))
        throw new NotFoundError(`No backup ${target.name} of ${entityRef}`);
      return this.#download(
        access,
        { kind: 'BackupLog', name: target.name },
        signal,
      );
    }
    const [restore] = await access.state.list(resources.veleroRestores, velero);
    if (
      !restore ||
      restore.metadata.labels?.[RESTORE_LABELS.entity] !==
        entityLabelValue(entityRef)
    )
      throw new NotFoundError(`No restore ${target.name} of ${entityRef}`);
    return this.#download(
      access,
      { kind: 'RestoreLog', name: target.name },
      signal,
    );
  }

  /** The scheduler's job: resume Flux and release locks once restores end, on any replica. */
  async followRequests(): Promise<void> {
    await this.#o.store.deleteExpiredPlans(DateTime.fromJSDate(this.#now()));
    for (const request of await this.#o.store.openRequests()) {
      const cluster = this.#o.clusters.find(c => c.name === request.cluster);
      if (!cluster) continue;
      const access = this.#o.access(cluster);
      try {
        const [restore] = await access.state.list(resources.veleroRestores, {
          namespace: request.namespace,
          fieldSelector: `metadata.name=${request.restoreName}`,
          signal: AbortSignal.timeout(this.#o.deadlineMs),
        });
        const phase: string | undefined = restore?.status?.phase;
        const ended = [
          'Completed',
          'PartiallyFailed',
          'Failed',
          'FailedValidation',
        ].includes(phase ?? '');
        const timedOut =
          this.#now().getTime() - new Date(request.requestedAt).getTime() >
          this.#o.config.timeoutSeconds * 1000;
        if (!ended && !timedOut && restore) continue;
        await this.#suspender.resume(access, request);
        await this.#o.store.updateRequest(request.id, {
          finishedAt: this.#now().toISOString(),
          finalPhase: phase ?? (restore ? 'TimedOut' : 'Missing'),
        });
        await this.#o.store.unlock(request.id);
      } catch (error) {
        this.#o.logger.warn(
          `backups: following restore ${request.restoreName} failed`,
          error as Error,
        );
      }
    }
  }

  /** Refuses a caller acting for nobody (a service token) from writing. */
  static userOf(credentials: BackstageCredentials, auth: AuthService): Caller {
    if (!auth.isPrincipal(credentials, 'user'))
      throw new NotAllowedError(
        'Restores are requested by signed-in users, never by a service acting for nobody',
      );
    return { credentials, userRef: credentials.principal.userEntityRef };
  }
}
