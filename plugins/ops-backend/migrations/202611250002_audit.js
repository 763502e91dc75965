// @ts-check

/**
 * The audit trail of operator actions, shared by every capability.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_audit_events', table => {
    table.string('id', 36).primary();
    table.bigInteger('ts').notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 128).notNullable();
    table.string('target_ref', 255).nullable();
    table.string('outcome', 16).notNullable();
    table.text('details_json').nullable();
    table.index(['ts'], 'ops_audit_events_ts_idx');
    table.index(['target_ref', 'ts'], 'ops_audit_events_target_ts_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_audit_events');
};
