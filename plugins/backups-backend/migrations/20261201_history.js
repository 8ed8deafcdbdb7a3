// @ts-check

/**
 * The history of each entity's tiers (status and RPO, recorded by the
 * history task), and each entity's last recorded overall status, from which
 * the task decides, once across replicas, whether to tell the owners.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('backups_history', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 512).notNullable();
    table.datetime('recorded_at').notNullable();
    table.string('cluster', 255).notNullable();
    table.string('tier_kind', 32).notNullable();
    table.string('tier_name', 255).notNullable();
    table.string('status', 16).notNullable();
    table.integer('rpo_actual_seconds').nullable();
    table.integer('rpo_target_seconds').nullable();
    table.index(['entity_ref', 'recorded_at'], 'backups_history_entity_idx');
    table.index(['recorded_at'], 'backups_history_recorded_idx');
  });
  await knex.schema.createTable('backups_entity_status', table => {
    table.string('entity_ref', 512).primary();
    /** The overall status last recorded, `unknown` included. */
    table.string('status', 16).notNullable();
    /** The last status that was not `unknown`, which changes are measured from. */
    table.string('known_status', 16).nullable();
    table.datetime('recorded_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('backups_entity_status');
  await knex.schema.dropTable('backups_history');
};
