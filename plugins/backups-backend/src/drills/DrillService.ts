import {
  AuditorService,
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
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_DRILL_POLICY,
  ANNOTATION_RTO_TARGET,
  type Drill,
  type DrillCreated,
  type DrillCreateRequest,
  type DrillList,
  type DrillPlan,
  type DrillPlanRequest,
  type HistoryDrill,
  type TierKind,
} from '@internal/plugin-backups-common';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import type { JsonObject } from '@backstage/types';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { parseDurationText } from '../service/readVerdictConfig';
import {
  DrillEvidence,
  parseRtoAnnotation,
} from '../verdict/drills/drillVerdict';
import type { ClusterConnections } from '../cluster/ClusterConnections';
import { resolveEntityTargets } from '../cluster/resolveEntityTargets';
import type { VeleroReaderOptions } from '../readers/readVelero';
import type { RestoreConfig } from '../restores/restoreConfig';
import type { VerdictOptions } from '../verdict/VerdictOptions';
import { cnpgDrill, veleroDrill, volsyncDrill } from './drillRunners';
import { describeError } from './describeError';
import { DrillConfig, DRILLABLE_KINDS } from './drillConfig';
import { DrillPolicy, parseDrillPolicy, policyCovers } from './drillPolicy';
import {
  DrillContext,
  DrillFailure,
  DrillRunner,
  permanent,
  Prepared,
} from './DrillRunner';
import { DrillRecord, DrillStore, DrillUpdate } from './DrillStore';
import { entityTiers } from './entityTiers';

/** Told when a drill fails (OwnerNotifier). */
export type DrillFailureListener = {
  drillFailed(
    entityRef: string,
    drill: {
      id: string;
      tier: { kind: string; name: string };
      failureReason?: string;
    },
  ): Promise<void>;
};

type Options = {
  config: DrillConfig;
  restoreConfig: RestoreConfig;
  store: DrillStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  auditor: AuditorService;
  connections: Pick<
    ClusterConnections,
    'clusters' | 'connection' | 'liveConnection' | 'deadlineMs'
  >;
  velero: VeleroReaderOptions;
  verdict: Omit<VerdictOptions, 'now' | 'annotationTargets'>;
  notifier?: DrillFailureListener;
  /** Asks the scheduler to advance drills now, not at the next interval. */
  wake?: () => Promise<void>;
  now?: () => Date;
};

type Caller = { credentials: BackstageCredentials; userRef: string };

/** The tier a request drills, where. */
type Chosen = {
  cluster: ClusterDetails;
  namespace: string;
  tier: { kind: TierKind; name: string };
};

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

function toDrill(r: DrillRecord): Drill {
  return {
    id: r.id,
    cluster: r.cluster,
    tier: r.tier,
    trigger: r.trigger,
    ...(r.requestedBy ? { requestedBy: r.requestedBy } : {}),
    startedAt: r.startedAt ?? r.createdAt,
    ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
    outcome: r.outcome,
    ...(r.step !== 'done' ? { step: r.step } : {}),
    ...(r.source ? { source: r.source } : {}),
    ...(r.target ? { target: r.target } : {}),
    ...(r.rtoSeconds !== undefined ? { rtoSeconds: r.rtoSeconds } : {}),
    ...(r.outcome === 'passed' && r.recoveryPoint
      ? { provenRecoveryPoint: r.recoveryPoint }
      : {}),
    ...(r.failureReason ? { failureReason: r.failureReason } : {}),
    ...(r.checks ? { checks: r.checks } : {}),
    ...(r.cleanedUpAt ? { cleanedUpAt: r.cleanedUpAt } : {}),
  };
}

/**
 * Restore drills: requested through the API or by an entity's drill
 * policy, queued in the database, and advanced step by step by a scheduler
 * task that one replica runs at a time, so a restarted backend resumes
 * where the last one stopped. Each step reads and writes the API server
 * itself (the live connection), never the cache.
 */
export class DrillService {
  readonly #o: Options;
  readonly #runners: Record<string, DrillRunner>;

  static create(options: Options): DrillService {
    return new DrillService(options);
  }

  private constructor(options: Options) {
    this.#o = options;
    this.#runners = {
      velero: veleroDrill(options.restoreConfig),
      cnpg: cnpgDrill(),
      volsync: volsyncDrill(),
    };
  }

  #now() {
    return this.#o.now?.() ?? new Date();
  }

  /** The entity's drill policy: its annotation over `backups.drills`. */
  policyOf(entity: Entity): { policy: DrillPolicy; problems: string[] } {
    return parseDrillPolicy(
      entity.metadata.annotations?.[ANNOTATION_DRILL_POLICY],
      this.#o.config,
    );
  }

  async #entity(ref: CompoundEntityRef, credentials: BackstageCredentials) {
    const entity = await this.#o.catalog.getEntityByRef(ref, { credentials });
    if (!entity)
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)}`);
    return entity;
  }

  /** The clusters and tiers of the entity that can be drilled, in the overview's order. */
  async #drillable(entity: Entity, policy: DrillPolicy, live: boolean) {
    const { targets } = resolveEntityTargets(
      entity,
      this.#o.connections.clusters,
    );
    const found = await Promise.all(
      targets.map(async ({ cluster, target }) => {
        const connection = live
          ? this.#o.connections.liveConnection(cluster)
          : this.#o.connections.connection(cluster);
        const { tiers } = await entityTiers({
          state: connection.state,
          entity,
          target,
          velero: this.#o.velero,
          verdict: this.#o.verdict,
          now: this.#now(),
          signal: AbortSignal.timeout(this.#o.connections.deadlineMs),
        });
        return tiers.map(tier => ({
          cluster,
          namespace: target.namespace,
          tier,
        }));
      }),
    );
    return found
      .flat()
      .filter(
        t =>
          DRILLABLE_KINDS.includes(t.tier.kind) &&
          (policy.tiers.length === 0 || policyCovers(policy, t.tier)),
      );
  }

  /**
   * What a drill of one tier would do now — the source, the recovery point,
   * the names it would create, how the copy is isolated — computed by the
   * same `prepare` the drill runs, and stored nowhere. Its `id` becomes the
   * drill's when `request` gets it as `planId`, so the names shown are the
   * names created; the newest recovery point is chosen again when the drill
   * starts.
   */
  async plan(
    ref: CompoundEntityRef,
    body: DrillPlanRequest,
    caller: Caller,
  ): Promise<DrillPlan> {
    const entity = await this.#entity(ref, caller.credentials);
    const entityRef = stringifyEntityRef(entity);
    const { policy } = this.policyOf(entity);
    const chosen = await this.#choose(entity, entityRef, policy, body);
    const now = this.#now();
    const id = randomUUID();
    const record: DrillRecord = {
      ...this.#manualRecord(entityRef, chosen, caller, `plan:${id}`, id),
      deadlineAt: new Date(
        now.getTime() + policy.timeLimitSeconds * 1000,
      ).toISOString(),
    };
    let prepared: Prepared;
    try {
      prepared = await this.#prepared(
        record,
        chosen.cluster,
        this.#runners[record.tier.kind],
        entity,
        policy,
      );
    } catch (error) {
      if (permanent(error))
        throw new ConflictError(
          error instanceof DrillFailure
            ? error.message
            : `The drill cannot be planned: ${describeError(error)}`,
        );
      throw new ServiceUnavailableError(
        `The drill cannot be planned now: ${describeError(error)}`,
      );
    }
    return {
      id,
      cluster: record.cluster,
      namespace: record.namespace,
      tier: record.tier,
      source: prepared.source,
      recoveryPoint: prepared.recoveryPoint,
      target: prepared.target,
      creates: prepared.creates,
      notes: prepared.notes,
      timeLimitSeconds: policy.timeLimitSeconds,
    };
  }

  /**
   * Queues a drill of one tier (the first the policy names when none is
   * given). A repeated Idempotency-Key answers the same drill; a tier whose
   * drill is still running is refused.
   */
  async request(
    ref: CompoundEntityRef & { cluster?: string },
    body: DrillCreateRequest & { cluster?: string },
    idempotencyKey: string | undefined,
    caller: Caller,
  ): Promise<{ created: boolean; drill: DrillCreated }> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new InputError(
        'Idempotency-Key: a header of 8 to 128 letters, digits, ".", "_", ":" or "-" is required',
      );
    const entity = await this.#entity(ref, caller.credentials);
    const entityRef = stringifyEntityRef(entity);
    const repeat = await this.#o.store.findByKey(entityRef, idempotencyKey);
    if (repeat)
      return {
        created: false,
        drill: { id: repeat.id, status: repeat.outcome },
      };
    const { policy } = this.policyOf(entity);
    const chosen = await this.#choose(entity, entityRef, policy, body);
    return this.#enqueue(
      this.#manualRecord(
        entityRef,
        chosen,
        caller,
        idempotencyKey,
        body.planId,
      ),
    );
  }

  /** The tier a drill request names (or the policy's first), refused when drills are off. */
  async #choose(
    entity: Entity,
    entityRef: string,
    policy: DrillPolicy,
    body: DrillPlanRequest,
  ): Promise<Chosen> {
    if (!this.#o.config.enabled || !policy.enabled)
      throw new ConflictError(
        `Restore drills are off for ${entityRef} (backups.drills.enabled, or ${ANNOTATION_DRILL_POLICY}: off)`,
      );
    if (body.tier && !DRILLABLE_KINDS.includes(body.tier.kind))
      throw new InputError(
        `tier: ${
          body.tier.kind
        } tiers cannot be drilled; only ${DRILLABLE_KINDS.join(', ')}`,
      );
    const candidates = (
      await this.#drillable(
        entity,
        body.tier ? { ...policy, tiers: [] } : policy,
        false,
      )
    ).filter(
      c =>
        (!body.cluster || c.cluster.name === body.cluster) &&
        (!body.tier ||
          (c.tier.kind === body.tier.kind && c.tier.name === body.tier.name)),
    );
    if (candidates.length === 0)
      throw new InputError(
        body.tier
          ? `tier: ${entityRef} has no ${body.tier.kind} tier ${
              body.tier.name
            }${body.cluster ? ` in cluster ${body.cluster}` : ''}`
          : `tier: ${entityRef} has no tier its drill policy drills`,
      );
    if (body.tier && new Set(candidates.map(c => c.cluster.name)).size > 1)
      throw new InputError(
        `cluster: the tier is in ${candidates
          .map(c => c.cluster.name)
          .join(', ')}; name one`,
      );
    return candidates[0];
  }

  /** A drill a user asks for, of the tier `#choose` found. */
  #manualRecord(
    entityRef: string,
    chosen: Chosen,
    caller: Caller,
    idempotencyKey: string,
    id?: string,
  ): DrillRecord {
    return this.#newRecord({
      entityRef,
      cluster: chosen.cluster,
      namespace: chosen.namespace,
      tier: { kind: chosen.tier.kind, name: chosen.tier.name },
      trigger: 'manual',
      requestedBy: caller.userRef,
      idempotencyKey,
      id,
    });
  }

  #newRecord(fields: {
    entityRef: string;
    cluster: ClusterDetails;
    namespace: string;
    tier: { kind: TierKind; name: string };
    trigger: 'manual' | 'schedule';
    requestedBy?: string;
    idempotencyKey: string;
    /** A plan's id: the drill creates the names its plan showed. */
    id?: string;
  }): DrillRecord {
    return {
      id: fields.id ?? randomUUID(),
      entityRef: fields.entityRef,
      cluster: fields.cluster.name,
      namespace: fields.namespace,
      tier: fields.tier,
      trigger: fields.trigger,
      requestedBy: fields.requestedBy,
      idempotencyKey: fields.idempotencyKey,
      createdAt: this.#now().toISOString(),
      outcome: 'running',
      step: 'queued',
      state: {},
    };
  }

  /** Inserts a queued drill and takes its tier's slot; the key makes a repeat harmless. */
  async #enqueue(
    record: DrillRecord,
  ): Promise<{ created: boolean; drill: DrillCreated }> {
    if (!(await this.#o.store.insert(record))) {
      const winner = await this.#o.store.findByKey(
        record.entityRef,
        record.idempotencyKey,
      );
      return {
        created: false,
        drill: { id: winner!.id, status: winner!.outcome },
      };
    }
    const holder = await this.#o.store.lock(record);
    if (holder) {
      await this.#o.store.delete(record.id);
      throw new ConflictError(
        `A drill of ${record.tier.kind}/${record.tier.name} of ${record.entityRef} is already running (drill ${holder}); wait for it to end`,
      );
    }
    // Not awaited: the scheduler runs the step on whichever replica it picks.
    void Promise.resolve()
      .then(() => this.#o.wake?.())
      .catch(() => undefined);
    return { created: true, drill: { id: record.id, status: 'running' } };
  }

  /** Queues a scheduled drill; false when that tick's drill exists or the tier is busy. */
  async enqueueScheduled(fields: {
    entityRef: string;
    cluster: ClusterDetails;
    namespace: string;
    tier: { kind: TierKind; name: string };
    tick: Date;
  }): Promise<boolean> {
    const record = this.#newRecord({
      ...fields,
      trigger: 'schedule',
      idempotencyKey: `schedule:${fields.cluster.name}:${fields.tier.kind}/${
        fields.tier.name
      }:${fields.tick.toISOString()}`,
    });
    try {
      return (await this.#enqueue(record)).created;
    } catch (error) {
      if ((error as Error).name === 'ConflictError') return false;
      throw error;
    }
  }

  /** The entity's drills, newest first. */
  async list(
    ref: CompoundEntityRef,
    caller: { credentials: BackstageCredentials },
  ): Promise<DrillList> {
    const entity = await this.#entity(ref, caller.credentials);
    const records = await this.#o.store.forEntity(stringifyEntityRef(entity));
    return { items: records.map(toDrill) };
  }

  /** What the overview's verdict reads: the entity's drills, its policy and RTO targets. */
  async evidenceFor(
    entity: Entity,
    now: DateTime,
  ): Promise<{ evidence: DrillEvidence; problems: string[] }> {
    const { policy, problems } = this.policyOf(entity);
    const rto = parseRtoAnnotation(
      entity.metadata.annotations?.[ANNOTATION_RTO_TARGET],
      parseDurationText,
    );
    const records = await this.#o.store.forEntity(
      stringifyEntityRef(entity),
      200,
    );
    return {
      evidence: {
        records,
        scheduled: tier =>
          this.#o.config.enabled &&
          Boolean(policy.schedule) &&
          policyCovers(policy, tier),
        rtoTargets: rto.targets,
        windowSeconds: this.#o.config.windowSeconds,
        now,
      },
      problems: [...problems, ...rto.problems],
    };
  }

  /** Finished drills as markers for the history chart (HistoryDrillSource). */
  async listDrillMarkers(
    entityRef: string,
    range: { from: DateTime; to: DateTime },
  ): Promise<HistoryDrill[]> {
    const records = await this.#o.store.finishedBetween(
      entityRef,
      range.from.toJSDate(),
      range.to.toJSDate(),
    );
    return records.map(r => ({
      at: r.finishedAt!,
      tier: r.tier,
      outcome: r.outcome as 'passed' | 'failed',
    }));
  }

  /** The scheduler's job: one step of every open drill, starting queued ones as concurrency allows. */
  async advance(): Promise<void> {
    const open = await this.#o.store.open();
    const running = new Map<string, number>();
    for (const r of open)
      if (r.outcome === 'running' && r.step !== 'queued')
        running.set(r.cluster, (running.get(r.cluster) ?? 0) + 1);
    for (const record of open) {
      if (record.step === 'queued') {
        const busy = running.get(record.cluster) ?? 0;
        if (busy >= this.#o.config.concurrency) continue;
        running.set(record.cluster, busy + 1);
      }
      try {
        await this.#advanceOne(record);
      } catch (error) {
        this.#o.logger.warn(
          `backups: drill ${record.id} of ${
            record.entityRef
          } could not advance: ${describeError(error)}`,
        );
      }
    }
  }

  /** Runs the drill's steps for as long as each finishes at once. */
  async #advanceOne(initial: DrillRecord) {
    let record: DrillRecord | undefined = initial;
    for (let i = 0; record && record.step !== 'done' && i < 6; i++) {
      const before: string = record.step;
      record = await this.#step(record);
      if (!record || record.step === before) return;
    }
  }

  async #save(record: DrillRecord, fields: DrillUpdate): Promise<DrillRecord> {
    await this.#o.store.update(record.id, fields);
    return { ...record, ...fields };
  }

  #cluster(record: DrillRecord): ClusterDetails | undefined {
    return this.#o.connections.clusters.find(c => c.name === record.cluster);
  }

  #context(
    record: DrillRecord,
    cluster: ClusterDetails,
    ms?: number,
  ): DrillContext {
    return {
      record,
      access: this.#o.connections.liveConnection(cluster),
      veleroNamespace: this.#o.velero.namespace,
      now: this.#now(),
      signal: AbortSignal.timeout(ms ?? this.#o.connections.deadlineMs),
    };
  }

  /** One step; returns the record as it is after it (undefined: nothing more now). */
  async #step(record: DrillRecord): Promise<DrillRecord | undefined> {
    const cluster = this.#cluster(record);
    if (!cluster)
      return this.#conclude(record, {
        outcome: 'cancelled',
        failureReason: `Cluster ${record.cluster} is no longer configured`,
        step: 'done',
      });
    const runner = this.#runners[record.tier.kind];
    if (record.step === 'cleaning-up') {
      const gone = await runner.cleanup(this.#context(record, cluster));
      if (!gone) return record;
      await this.#audit('backups-drill-cleanup', record, {});
      return this.#save(record, {
        step: 'done',
        cleanedUpAt: this.#now().toISOString(),
      });
    }
    try {
      switch (record.step) {
        case 'queued':
          return await this.#start(record);
        case 'preparing':
          return await this.#prepare(record, cluster, runner);
        case 'restoring':
          await runner.create(this.#context(record, cluster));
          return await this.#save(record, { step: 'waiting' });
        case 'waiting':
          return await this.#wait(record, cluster, runner);
        default:
          return undefined;
      }
    } catch (error) {
      if (permanent(error) || this.#pastDeadline(record))
        return this.#conclude(record, {
          outcome: 'failed',
          failureReason:
            error instanceof DrillFailure
              ? error.message
              : `${record.step}: ${describeError(error)}`,
        });
      throw error;
    }
  }

  #pastDeadline(record: DrillRecord) {
    return Boolean(
      record.deadlineAt && this.#now() > new Date(record.deadlineAt),
    );
  }

  async #start(record: DrillRecord): Promise<DrillRecord> {
    const now = this.#now();
    const entity = await this.#o.catalog.getEntityByRef(record.entityRef, {
      credentials: await this.#o.auth.getOwnServiceCredentials(),
    });
    const limit = entity
      ? this.policyOf(entity).policy.timeLimitSeconds
      : this.#o.config.timeLimitSeconds;
    return this.#save(record, {
      step: 'preparing',
      startedAt: now.toISOString(),
      deadlineAt: new Date(now.getTime() + limit * 1000).toISOString(),
    });
  }

  async #prepare(
    record: DrillRecord,
    cluster: ClusterDetails,
    runner: DrillRunner,
  ): Promise<DrillRecord> {
    const entity = await this.#o.catalog.getEntityByRef(record.entityRef, {
      credentials: await this.#o.auth.getOwnServiceCredentials(),
    });
    if (!entity)
      return this.#conclude(record, {
        outcome: 'cancelled',
        failureReason: `${record.entityRef} is no longer in the catalog`,
      });
    const { policy } = this.policyOf(entity);
    // The plan's fields are shown, not stored.
    const {
      creates: _c,
      notes: _n,
      ...prepared
    } = await this.#prepared(record, cluster, runner, entity, policy);
    await this.#audit('backups-drill-start', record, {
      source: prepared.source,
      target: prepared.target,
    });
    return this.#save(record, { ...prepared, step: 'restoring' });
  }

  /** The runner's `prepare`, on the entity's tier as the API server shows it now. */
  async #prepared(
    record: DrillRecord,
    cluster: ClusterDetails,
    runner: DrillRunner,
    entity: Entity,
    policy: DrillPolicy,
  ): Promise<Prepared> {
    const target = resolveEntityTargets(entity, [cluster]).targets[0]?.target;
    if (!target)
      throw new DrillFailure(
        `${record.entityRef} no longer lives in cluster ${record.cluster}`,
      );
    const signal = AbortSignal.timeout(
      Math.max(3 * this.#o.connections.deadlineMs, 30_000),
    );
    const { snapshot, tiers } = await entityTiers({
      state: this.#o.connections.liveConnection(cluster).state,
      entity,
      target,
      velero: this.#o.velero,
      verdict: this.#o.verdict,
      now: this.#now(),
      signal,
    });
    // A source that could not be read now is retried, not taken for absent.
    const unread = snapshot.errors.find(e => e.source === record.tier.kind);
    if (unread)
      throw new Error(
        `${record.tier.kind} could not be read: ${unread.message}`,
      );
    const tier = tiers.find(
      t => t.kind === record.tier.kind && t.name === record.tier.name,
    );
    if (!tier)
      throw new DrillFailure(
        `${record.entityRef} has no ${record.tier.kind} tier ${record.tier.name} in ${record.cluster} any more`,
      );
    const ctx = { ...this.#context(record, cluster), signal };
    return runner.prepare(ctx, {
      entity,
      entityRef: record.entityRef,
      snapshot,
      tier,
      policy,
      restoreConfig: this.#o.restoreConfig,
      expiresAt: new Date(
        new Date(record.deadlineAt!).getTime() +
          this.#o.config.cleanupGraceSeconds * 1000,
      ).toISOString(),
    });
  }

  async #wait(
    record: DrillRecord,
    cluster: ClusterDetails,
    runner: DrillRunner,
  ): Promise<DrillRecord> {
    const progress = await runner.check(this.#context(record, cluster));
    if (progress.ready) {
      const rto =
        (new Date(progress.readyAt).getTime() -
          new Date(progress.requestedAt).getTime()) /
        1000;
      return this.#conclude(record, {
        outcome: 'passed',
        rtoSeconds: Math.max(0, rto),
        checks: progress.checks,
      });
    }
    if (progress.failure)
      return this.#conclude(record, {
        outcome: 'failed',
        failureReason: progress.failure,
        checks: progress.checks,
      });
    if (this.#pastDeadline(record)) {
      const waiting = progress.checks
        .filter(c => !c.ready)
        .map(c => `${c.kind} ${c.name}${c.detail ? ` (${c.detail})` : ''}`);
      return this.#conclude(record, {
        outcome: 'failed',
        failureReason: `Not ready within the time limit: ${
          waiting.join('; ') || 'nothing reported yet'
        }`,
        checks: progress.checks,
      });
    }
    return this.#save(record, { checks: progress.checks });
  }

  /**
   * Sets the outcome once (a conditional update: on another replica, or a
   * repeat of this one, it changes nothing), frees the tier, tells the
   * owners of a failure, and moves on to the cleanup.
   */
  async #conclude(
    record: DrillRecord,
    fields: DrillUpdate & { outcome: 'passed' | 'failed' | 'cancelled' },
  ): Promise<DrillRecord> {
    const update: DrillUpdate = {
      step: 'cleaning-up',
      finishedAt: this.#now().toISOString(),
      ...fields,
    };
    const won = await this.#o.store.finish(record.id, update);
    await this.#o.store.unlock(record.id);
    const next = { ...record, ...update };
    if (!won) return (await this.#o.store.get(record.id)) ?? next;
    await this.#audit('backups-drill-end', next, {
      outcome: next.outcome,
      ...(next.rtoSeconds !== undefined ? { rtoSeconds: next.rtoSeconds } : {}),
      ...(next.failureReason ? { failureReason: next.failureReason } : {}),
    });
    if (next.outcome === 'failed')
      await this.#o.notifier
        ?.drillFailed(record.entityRef, {
          id: record.id,
          tier: record.tier,
          failureReason: next.failureReason,
        })
        .catch(error =>
          this.#o.logger.warn(
            `backups: telling the owners of ${record.entityRef} that drill ${
              record.id
            } failed did not work: ${describeError(error)}`,
          ),
        );
    return next;
  }

  async #audit(eventId: string, record: DrillRecord, meta: JsonObject) {
    const event = await this.#o.auditor.createEvent({
      eventId,
      severityLevel: 'high',
      meta: {
        drillId: record.id,
        entityRef: record.entityRef,
        cluster: record.cluster,
        tier: `${record.tier.kind}/${record.tier.name}`,
        trigger: record.trigger,
      },
    });
    await event.success({ meta });
  }
}
