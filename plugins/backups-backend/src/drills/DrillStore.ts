import { ConflictError } from '@backstage/errors';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  DrillCheck,
  DrillOutcome,
  TierKind,
} from '@internal/plugin-backups-common';
import { Knex } from 'knex';
import { dbIso as iso } from '../database/dbTime';

const MIGRATIONS = resolvePackagePath(
  '@internal/plugin-backups-backend',
  'migrations',
);

/** Where a drill is; `done` once its outcome is set and what it created is gone. */
export type DrillStep =
  | 'queued'
  | 'preparing'
  | 'restoring'
  | 'waiting'
  | 'cleaning-up'
  | 'done';

/** One drill, as kept in the plugin's database. */
export type DrillRecord = {
  id: string;
  entityRef: string;
  cluster: string;
  namespace: string;
  tier: { kind: TierKind; name: string };
  trigger: 'manual' | 'schedule';
  requestedBy?: string;
  idempotencyKey: string;
  createdAt: string;
  startedAt?: string;
  deadlineAt?: string;
  finishedAt?: string;
  outcome: DrillOutcome;
  step: DrillStep;
  source?: string;
  target?: string;
  recoveryPoint?: string;
  rtoSeconds?: number;
  failureReason?: string;
  checks?: DrillCheck[];
  /** What the steps need after a restart (names, the manifest to create). */
  state: Record<string, any>;
  cleanedUpAt?: string;
};

export type DrillUpdate = Partial<
  Pick<
    DrillRecord,
    | 'startedAt'
    | 'deadlineAt'
    | 'finishedAt'
    | 'outcome'
    | 'step'
    | 'source'
    | 'target'
    | 'recoveryPoint'
    | 'rtoSeconds'
    | 'failureReason'
    | 'checks'
    | 'state'
    | 'cleanedUpAt'
  >
>;

function toRecord(row: any): DrillRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    cluster: row.cluster,
    namespace: row.namespace,
    tier: { kind: row.tier_kind, name: row.tier_name },
    trigger: row.trigger,
    requestedBy: row.requested_by ?? undefined,
    idempotencyKey: row.idempotency_key,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    deadlineAt: iso(row.deadline_at),
    finishedAt: iso(row.finished_at),
    outcome: row.outcome,
    step: row.step,
    source: row.source ?? undefined,
    target: row.target ?? undefined,
    recoveryPoint: iso(row.recovery_point),
    rtoSeconds:
      row.rto_seconds === null || row.rto_seconds === undefined
        ? undefined
        : Number(row.rto_seconds),
    failureReason: row.failure_reason ?? undefined,
    checks: row.checks ? JSON.parse(row.checks) : undefined,
    state: JSON.parse(row.state),
    cleanedUpAt: iso(row.cleaned_up_at),
  };
}

const date = (t: string | undefined) => (t ? new Date(t) : null);

function toRow(fields: DrillUpdate): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const set = (column: string, value: unknown) => {
    if (value !== undefined) row[column] = value;
  };
  set('started_at', fields.startedAt && date(fields.startedAt));
  set('deadline_at', fields.deadlineAt && date(fields.deadlineAt));
  set('finished_at', fields.finishedAt && date(fields.finishedAt));
  set('outcome', fields.outcome);
  set('step', fields.step);
  set('source', fields.source);
  set('target', fields.target);
  set('recovery_point', fields.recoveryPoint && date(fields.recoveryPoint));
  set('rto_seconds', fields.rtoSeconds);
  set('failure_reason', fields.failureReason);
  set('checks', fields.checks && JSON.stringify(fields.checks));
  set('state', fields.state && JSON.stringify(fields.state));
  set('cleaned_up_at', fields.cleanedUpAt && date(fields.cleanedUpAt));
  return row;
}

/**
 * The record of every restore drill, and the one-drill-per-tier locks that
 * hold across backend replicas, in the plugin's database (SQLite or
 * PostgreSQL, through DatabaseService, knex migrations).
 */
export class DrillStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<DrillStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest({ directory: MIGRATIONS });
    }
    return new DrillStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /** Inserts a drill; false when the entity already has one with this key (a repeat). */
  async insert(record: DrillRecord): Promise<boolean> {
    try {
      await this.#db('backups_drills').insert({
        id: record.id,
        entity_ref: record.entityRef,
        cluster: record.cluster,
        namespace: record.namespace,
        tier_kind: record.tier.kind,
        tier_name: record.tier.name,
        trigger: record.trigger,
        requested_by: record.requestedBy ?? null,
        idempotency_key: record.idempotencyKey,
        created_at: new Date(record.createdAt),
        ...toRow(record),
        state: JSON.stringify(record.state),
      });
      return true;
    } catch (error) {
      if (await this.findByKey(record.entityRef, record.idempotencyKey))
        return false;
      // A plan's id used by a drill already (the plan was run once).
      if (await this.get(record.id))
        throw new ConflictError(
          `Plan ${record.id} has been run already; plan the drill again`,
        );
      throw error;
    }
  }

  async findByKey(
    entityRef: string,
    idempotencyKey: string,
  ): Promise<DrillRecord | undefined> {
    const row = await this.#db('backups_drills')
      .where({ entity_ref: entityRef, idempotency_key: idempotencyKey })
      .first();
    return row ? toRecord(row) : undefined;
  }

  async get(id: string): Promise<DrillRecord | undefined> {
    const row = await this.#db('backups_drills').where({ id }).first();
    return row ? toRecord(row) : undefined;
  }

  async delete(id: string): Promise<void> {
    await this.#db('backups_drills').where({ id }).delete();
  }

  async update(id: string, fields: DrillUpdate): Promise<void> {
    const row = toRow(fields);
    if (Object.keys(row).length)
      await this.#db('backups_drills').where({ id }).update(row);
  }

  /**
   * Sets the outcome of a drill still running; false when it already had
   * one (another replica, or an earlier run of the task, decided it), so
   * that what follows an outcome (the owners told) happens once.
   */
  async finish(id: string, fields: DrillUpdate): Promise<boolean> {
    const changed = await this.#db('backups_drills')
      .where({ id, outcome: 'running' })
      .update(toRow(fields));
    return changed === 1;
  }

  /** Drills not done yet (queued, running, or cleaning up), oldest first. */
  async open(): Promise<DrillRecord[]> {
    const rows = await this.#db('backups_drills')
      .whereNot({ step: 'done' })
      .orderBy('created_at', 'asc');
    return rows.map(toRecord);
  }

  /** An entity's drills, newest first. */
  async forEntity(entityRef: string, limit = 100): Promise<DrillRecord[]> {
    const rows = await this.#db('backups_drills')
      .where({ entity_ref: entityRef })
      .orderBy('created_at', 'desc')
      .limit(limit);
    return rows.map(toRecord);
  }

  /** An entity's drills that passed or failed between two times, oldest first. */
  async finishedBetween(
    entityRef: string,
    from: Date,
    to: Date,
  ): Promise<DrillRecord[]> {
    const rows = await this.#db('backups_drills')
      .where({ entity_ref: entityRef })
      .whereIn('outcome', ['passed', 'failed'])
      .where('finished_at', '>=', from)
      .where('finished_at', '<=', to)
      .orderBy('finished_at', 'asc');
    return rows.map(toRecord);
  }

  /** The newest drill of one tier, whatever its outcome. */
  async newestOf(
    entityRef: string,
    cluster: string,
    tier: { kind: string; name: string },
  ): Promise<DrillRecord | undefined> {
    const row = await this.#db('backups_drills')
      .where({
        entity_ref: entityRef,
        cluster,
        tier_kind: tier.kind,
        tier_name: tier.name,
      })
      .orderBy('created_at', 'desc')
      .first();
    return row ? toRecord(row) : undefined;
  }

  /** Deletes finished drills created before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    return this.#db('backups_drills')
      .where('created_at', '<', before)
      .where({ step: 'done' })
      .delete();
  }

  /**
   * Takes the one running slot of an entity's tier; returns the drill that
   * holds it when another one does.
   */
  async lock(record: DrillRecord): Promise<string | undefined> {
    const key = {
      entity_ref: record.entityRef,
      cluster: record.cluster,
      tier_kind: record.tier.kind,
      tier_name: record.tier.name,
    };
    try {
      await this.#db('backups_drill_locks').insert({
        ...key,
        drill_id: record.id,
        created_at: new Date(),
      });
      return undefined;
    } catch (error) {
      const holder = await this.#db('backups_drill_locks').where(key).first();
      if (holder) return holder.drill_id;
      throw error;
    }
  }

  async unlock(drillId: string): Promise<void> {
    await this.#db('backups_drill_locks').where({ drill_id: drillId }).delete();
  }
}
