// @ts-check

/**
 * Feature flags: flags, per-tenant overrides, change history and the last evaluation
 * served over OFREP per flag and tenant. Times are epoch milliseconds (bigint).
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_flags', table => {
    table.string('key', 100).primary();
    table.string('name', 200).notNullable();
    table.text('description').notNullable();
    table.string('type', 16).notNullable();
    table.text('variants_json').notNullable();
    table.string('default_variant', 100).notNullable();
    table.double('rollout_percentage').notNullable().defaultTo(0);
    table.string('rollout_variant', 100).nullable();
    table.string('bucket_by', 100).notNullable().defaultTo('tenantId');
    table.boolean('kill_switch').notNullable().defaultTo(false);
    table.boolean('archived').notNullable().defaultTo(false);
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('ops_flag_overrides', table => {
    table.string('flag_key', 100).notNullable();
    table.string('tenant_id', 255).notNullable();
    table.string('variant', 100).notNullable();
    table.text('reason').notNullable();
    table.string('actor', 255).notNullable();
    table.bigInteger('updated_at').notNullable();
    table.primary(['flag_key', 'tenant_id']);
    table.index(['tenant_id'], 'ops_flag_overrides_tenant_idx');
  });

  await knex.schema.createTable('ops_flag_changes', table => {
    // insertion order: changes made within the same millisecond keep their order
    table.bigIncrements('seq').primary();
    table.string('id', 36).notNullable().unique();
    table.string('flag_key', 100).notNullable();
    table.string('tenant_id', 255).nullable();
    table.string('action', 64).notNullable();
    table.string('actor', 255).notNullable();
    table.text('reason').notNullable();
    table.text('before_json').nullable();
    table.text('after_json').nullable();
    table.bigInteger('ts').notNullable();
    table.index(['flag_key', 'ts'], 'ops_flag_changes_flag_ts_idx');
    table.index(['tenant_id', 'ts'], 'ops_flag_changes_tenant_ts_idx');
  });

  await knex.schema.createTable('ops_flag_evaluations', table => {
    table.string('flag_key', 100).notNullable();
    table.string('tenant_id', 255).notNullable();
    table.text('value_json').nullable();
    table.string('variant', 100).nullable();
    table.string('reason', 32).notNullable();
    table.string('error_code', 32).nullable();
    table.bigInteger('evaluated_at').notNullable();
    table.primary(['flag_key', 'tenant_id']);
    table.index(['tenant_id'], 'ops_flag_evaluations_tenant_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_flag_evaluations');
  await knex.schema.dropTable('ops_flag_changes');
  await knex.schema.dropTable('ops_flag_overrides');
  await knex.schema.dropTable('ops_flags');
};
