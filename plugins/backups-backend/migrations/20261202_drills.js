// @ts-check

/**
 * Restore drills: one row per drill (what it restored, where, how it went,
 * the evidence it left), and one lock row per entity and tier while a drill
 * of it runs, shared by every backend replica.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('backups_drills', table => {
    table.string('id', 64).primary();
    table.string('entity_ref', 512).notNullable();
    table.string('cluster', 255).notNullable();
    /** The entity's namespace in that cluster. */
    table.string('namespace', 255).notNullable();
    table.string('tier_kind', 32).notNullable();
    table.string('tier_name', 255).notNullable();
    /** `manual` (the API) or `schedule` (the drill policy). */
    table.string('trigger', 16).notNullable();
    table.string('requested_by', 512).nullable();
    /** The Idempotency-Key of a manual drill, `schedule:<tier>:<tick>` of a scheduled one. */
    table.string('idempotency_key', 255).notNullable();
    table.datetime('created_at').notNullable();
    table.datetime('started_at').nullable();
    table.datetime('deadline_at').nullable();
    table.datetime('finished_at').nullable();
    /** running | passed | failed | cancelled */
    table.string('outcome', 16).notNullable();
    /** queued | preparing | restoring | waiting | cleaning-up | done */
    table.string('step', 32).notNullable();
    /** The Velero backup, or the CNPG recovery target. */
    table.string('source', 512).nullable();
    /** The drill namespace, or the recovery Cluster. */
    table.string('target', 255).nullable();
    /** The point the drill restores to; proven once the drill passed. */
    table.datetime('recovery_point').nullable();
    table.float('rto_seconds').nullable();
    table.text('failure_reason').nullable();
    /** JSON: the objects checked in the restored copy. */
    table.text('checks').nullable();
    /** JSON: what the steps need to resume after a restart. */
    table.text('state').notNullable();
    table.datetime('cleaned_up_at').nullable();
    table.unique(['entity_ref', 'idempotency_key'], {
      indexName: 'backups_drills_key_idx',
    });
    table.index(['entity_ref', 'created_at'], 'backups_drills_entity_idx');
    table.index(['step'], 'backups_drills_step_idx');
  });
  await knex.schema.createTable('backups_drill_locks', table => {
    table.string('entity_ref', 512).notNullable();
    table.string('cluster', 255).notNullable();
    table.string('tier_kind', 32).notNullable();
    table.string('tier_name', 255).notNullable();
    table.string('drill_id', 64).notNullable();
    table.datetime('created_at').notNullable();
    table.primary(['entity_ref', 'cluster', 'tier_kind', 'tier_name']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('backups_drill_locks');
  await knex.schema.dropTable('backups_drills');
};
