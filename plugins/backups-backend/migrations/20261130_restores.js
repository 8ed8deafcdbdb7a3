// @ts-check

/**
 * Restore plans, restore requests (the record of who asked what), and one
 * in-flight lock per entity and target, shared by every backend replica.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('backups_restore_plans', table => {
    table.string('id', 64).primary();
    table.string('entity_ref', 512).notNullable();
    table.string('cluster', 255).notNullable();
    table.string('requested_by', 512).notNullable();
    table.string('hash', 128).notNullable();
    table.text('plan').notNullable();
    table.text('request').notNullable();
    table.datetime('created_at').notNullable();
    table.datetime('expires_at').notNullable();
    table.index(['expires_at'], 'backups_restore_plans_expires_idx');
  });
  await knex.schema.createTable('backups_restore_requests', table => {
    table.string('id', 64).primary();
    table.string('idempotency_key', 255).notNullable();
    table.string('entity_ref', 512).notNullable();
    table.string('cluster', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('restore_name', 255).notNullable();
    table.string('target_namespace', 255).notNullable();
    table.string('requested_by', 512).notNullable();
    table.datetime('requested_at').notNullable();
    table.string('plan_id', 64).notNullable();
    table.string('plan_hash', 128).notNullable();
    table.string('outcome', 32).notNullable();
    table.text('message').nullable();
    /** JSON: the Flux objects suspended for the restore, to resume after it. */
    table.text('suspensions').notNullable();
    table.datetime('resumed_at').nullable();
    table.datetime('finished_at').nullable();
    table.string('final_phase', 64).nullable();
    table.unique(['entity_ref', 'idempotency_key'], {
      indexName: 'backups_restore_requests_key_idx',
    });
    table.index(['finished_at'], 'backups_restore_requests_open_idx');
  });
  await knex.schema.createTable('backups_restore_locks', table => {
    table.string('entity_ref', 512).notNullable();
    table.string('cluster', 255).notNullable();
    table.string('target_namespace', 255).notNullable();
    table.string('request_id', 64).notNullable();
    table.datetime('created_at').notNullable();
    table.primary(['entity_ref', 'cluster', 'target_namespace']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('backups_restore_locks');
  await knex.schema.dropTable('backups_restore_requests');
  await knex.schema.dropTable('backups_restore_plans');
};
