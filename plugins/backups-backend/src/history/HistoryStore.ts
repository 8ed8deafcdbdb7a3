import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  HistoryPoint,
  TierKind,
  TierStatus,
} from '@internal/plugin-backups-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { dbDateTime as toDateTime } from '../database/dbTime';

const MIGRATIONS = resolvePackagePath(
  '@internal/plugin-backups-backend',
  'migrations',
);

/** An entity's last recorded overall status, and its last one that was not unknown. */
export type EntityStatusRecord = {
  status: TierStatus;
  knownStatus?: TierStatus;
};

function seconds(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

/**
 * The history of each entity's tiers, and each entity's last recorded status,
 * in the plugin's database (SQLite or PostgreSQL, through DatabaseService).
 */
export class HistoryStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<HistoryStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest({ directory: MIGRATIONS });
    }
    return new HistoryStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /** Records one evaluation of an entity: one row per tier. */
  async record(entityRef: string, points: HistoryPoint[]): Promise<void> {
    if (points.length === 0) return;
    await this.#db('backups_history').insert(
      points.map(p => ({
        entity_ref: entityRef,
        recorded_at: DateTime.fromISO(p.at).toJSDate(),
        cluster: p.cluster,
        tier_kind: p.tier.kind,
        tier_name: p.tier.name,
        status: p.status,
        rpo_actual_seconds: seconds(p.rpoActualSeconds),
        rpo_target_seconds: seconds(p.rpoTargetSeconds),
      })),
    );
  }

  /** The entity's points in [from, to], oldest first. */
  async list(
    entityRef: string,
    range: { from: DateTime; to: DateTime },
  ): Promise<HistoryPoint[]> {
    const rows = await this.#db('backups_history')
      .where('entity_ref', entityRef)
      .where('recorded_at', '>=', range.from.toJSDate())
      .where('recorded_at', '<=', range.to.toJSDate())
      .orderBy([
        { column: 'recorded_at' },
        { column: 'cluster' },
        { column: 'tier_kind' },
        { column: 'tier_name' },
      ]);
    return rows.map(row => ({
      at: toDateTime(row.recorded_at).toISO()!,
      cluster: row.cluster,
      tier: { kind: row.tier_kind as TierKind, name: row.tier_name },
      status: row.status as TierStatus,
      rpoActualSeconds: row.rpo_actual_seconds ?? null,
      rpoTargetSeconds: row.rpo_target_seconds ?? null,
    }));
  }

  /**
   * Deletes points recorded before `before`, and the status of entities not
   * evaluated since (gone from the catalog). Returns how many points went.
   */
  async prune(before: DateTime): Promise<number> {
    const deleted = await this.#db('backups_history')
      .where('recorded_at', '<', before.toJSDate())
      .delete();
    await this.#db('backups_entity_status')
      .where('recorded_at', '<', before.toJSDate())
      .delete();
    return deleted;
  }

  async getEntityStatus(
    entityRef: string,
  ): Promise<EntityStatusRecord | undefined> {
    const row = await this.#db('backups_entity_status')
      .where('entity_ref', entityRef)
      .first();
    if (!row) return undefined;
    return {
      status: row.status,
      ...(row.known_status ? { knownStatus: row.known_status } : {}),
    };
  }

  /**
   * Replaces the entity's status only if it is still `expected` (absent: no
   * row yet). Exactly one of concurrent callers with the same expectation
   * wins, whichever replica it runs on: the winner may tell the owners.
   */
  async replaceEntityStatus(
    entityRef: string,
    expected: EntityStatusRecord | undefined,
    next: EntityStatusRecord,
    at: DateTime,
  ): Promise<boolean> {
    const values = {
      status: next.status,
      known_status: next.knownStatus ?? null,
      recorded_at: at.toJSDate(),
    };
    if (!expected) {
      try {
        await this.#db('backups_entity_status').insert({
          entity_ref: entityRef,
          ...values,
        });
        return true;
      } catch (error) {
        // Another evaluation inserted it first (primary key): it won.
        if (await this.getEntityStatus(entityRef)) return false;
        throw error;
      }
    }
    const query = this.#db('backups_entity_status')
      .where('entity_ref', entityRef)
      .where('status', expected.status);
    if (expected.knownStatus) query.where('known_status', expected.knownStatus);
    else query.whereNull('known_status');
    return (await query.update(values)) === 1;
  }
}
