import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  RestorePlan,
  RestorePlanRequest,
} from '@internal/plugin-backups-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { dbIso as iso } from '../database/dbTime';

const MIGRATIONS = resolvePackagePath(
  '@internal/plugin-backups-backend',
  'migrations',
);

/** A Flux object the plugin suspended for a restore, to resume after it. */
export type Suspension = { kind: string; namespace: string; name: string };

export type StoredPlan = {
  plan: RestorePlan;
  request: RestorePlanRequest;
  requestedBy: string;
  expiresAt: DateTime;
};

export type RestoreRequestRecord = {
  id: string;
  idempotencyKey: string;
  entityRef: string;
  cluster: string;
  namespace: string;
  restoreName: string;
  targetNamespace: string;
  requestedBy: string;
  requestedAt: string;
  planId: string;
  planHash: string;
  outcome: 'created' | 'refused' | 'failed';
  message?: string;
  suspensions: Suspension[];
  resumedAt?: string;
  finishedAt?: string;
  finalPhase?: string;
};

function toRecord(row: any): RestoreRequestRecord {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    entityRef: row.entity_ref,
    cluster: row.cluster,
    namespace: row.namespace,
    restoreName: row.restore_name,
    targetNamespace: row.target_namespace,
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at)!,
    planId: row.plan_id,
    planHash: row.plan_hash,
    outcome: row.outcome,
    message: row.message ?? undefined,
    suspensions: JSON.parse(row.suspensions),
    resumedAt: iso(row.resumed_at),
    finishedAt: iso(row.finished_at),
    finalPhase: row.final_phase ?? undefined,
  };
}

/**
 * The plugin's database: restore plans, the record of every restore request,
 * and the in-flight locks that hold across backend replicas. Backed by
 * Backstage's DatabaseService (SQLite or PostgreSQL) with knex migrations.
 */
export class RestoreStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<RestoreStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest({ directory: MIGRATIONS });
    }
    return new RestoreStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /** Releases the connection pool (its timers too) when the backend stops. */
  async close(): Promise<void> {
    await this.#db.destroy();
  }

  async savePlan(stored: StoredPlan): Promise<void> {
    const { plan } = stored;
    await this.#db('backups_restore_plans').insert({
      id: plan.id,
      entity_ref: plan.entityRef,
      cluster: plan.cluster,
      requested_by: stored.requestedBy,
      hash: plan.hash,
      plan: JSON.stringify(plan),
      request: JSON.stringify(stored.request),
      created_at: new Date(),
      expires_at: stored.expiresAt.toJSDate(),
    });
  }

  async getPlan(id: string): Promise<StoredPlan | undefined> {
    const row = await this.#db('backups_restore_plans').where({ id }).first();
    if (!row) return undefined;
    return {
      plan: JSON.parse(row.plan),
      request: JSON.parse(row.request),
      requestedBy: row.requested_by,
      expiresAt: DateTime.fromJSDate(new Date(iso(row.expires_at)!)),
    };
  }

  async deleteExpiredPlans(now: DateTime): Promise<number> {
    return this.#db('backups_restore_plans')
      .where('expires_at', '<', now.toJSDate())
      .delete();
  }

  async findRequest(
    entityRef: string,
    idempotencyKey: string,
  ): Promise<RestoreRequestRecord | undefined> {
    const row = await this.#db('backups_restore_requests')
      .where({ entity_ref: entityRef, idempotency_key: idempotencyKey })
      .first();
    return row ? toRecord(row) : undefined;
  }

  async getRequest(id: string): Promise<RestoreRequestRecord | undefined> {
    const row = await this.#db('backups_restore_requests')
      .where({ id })
      .first();
    return row ? toRecord(row) : undefined;
  }

  /** Inserts a request; false when one with the same entity and key exists (another replica won). */
  async insertRequest(record: RestoreRequestRecord): Promise<boolean> {
    try {
      await this.#db('backups_restore_requests').insert({
        id: record.id,
        idempotency_key: record.idempotencyKey,
        entity_ref: record.entityRef,
        cluster: record.cluster,
        namespace: record.namespace,
        restore_name: record.restoreName,
        target_namespace: record.targetNamespace,
        requested_by: record.requestedBy,
        requested_at: new Date(record.requestedAt),
        plan_id: record.planId,
        plan_hash: record.planHash,
        outcome: record.outcome,
        message: record.message ?? null,
        suspensions: JSON.stringify(record.suspensions),
      });
      return true;
    } catch (error) {
      if (await this.findRequest(record.entityRef, record.idempotencyKey))
        return false;
      throw error;
    }
  }

  /** Forgets a request that never reached the cluster, so a retry runs again. */
  async deleteRequest(id: string): Promise<void> {
    await this.#db('backups_restore_requests').where({ id }).delete();
  }

  async updateRequest(
    id: string,
    fields: Partial<
      Pick<
        RestoreRequestRecord,
        | 'outcome'
        | 'message'
        | 'suspensions'
        | 'resumedAt'
        | 'finishedAt'
        | 'finalPhase'
      >
    >,
  ): Promise<void> {
    await this.#db('backups_restore_requests')
      .where({ id })
      .update({
        ...(fields.outcome ? { outcome: fields.outcome } : {}),
        ...(fields.message !== undefined ? { message: fields.message } : {}),
        ...(fields.suspensions
          ? { suspensions: JSON.stringify(fields.suspensions) }
          : {}),
        ...(fields.resumedAt ? { resumed_at: new Date(fields.resumedAt) } : {}),
        ...(fields.finishedAt
          ? { finished_at: new Date(fields.finishedAt) }
          : {}),
        ...(fields.finalPhase ? { final_phase: fields.finalPhase } : {}),
      });
  }

  /** Requests whose restore has not been seen to end, oldest first. */
  async openRequests(): Promise<RestoreRequestRecord[]> {
    const rows = await this.#db('backups_restore_requests')
      .whereNull('finished_at')
      .where({ outcome: 'created' })
      .orderBy('requested_at', 'asc');
    return rows.map(toRecord);
  }

  /**
   * Takes the one in-flight slot for an entity and target; returns the
   * request id that holds it when another request does.
   */
  async lock(
    entityRef: string,
    cluster: string,
    targetNamespace: string,
    requestId: string,
  ): Promise<string | undefined> {
    try {
      await this.#db('backups_restore_locks').insert({
        entity_ref: entityRef,
        cluster,
        target_namespace: targetNamespace,
        request_id: requestId,
        created_at: new Date(),
      });
      return undefined;
    } catch (error) {
      const holder = await this.#db('backups_restore_locks')
        .where({
          entity_ref: entityRef,
          cluster,
          target_namespace: targetNamespace,
        })
        .first();
      if (holder) return holder.request_id;
      throw error;
    }
  }

  async unlock(requestId: string): Promise<void> {
    await this.#db('backups_restore_locks')
      .where({ request_id: requestId })
      .delete();
  }

  async requestsFor(entityRef: string): Promise<RestoreRequestRecord[]> {
    const rows = await this.#db('backups_restore_requests')
      .where({ entity_ref: entityRef })
      .orderBy('requested_at', 'desc')
      .limit(100);
    return rows.map(toRecord);
  }
}
