// @ts-check

/**
 * Health targets, raw probe samples, rollups and source status.
 * Times are epoch milliseconds (bigint) so SQLite and Postgres compare them the same way.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_health_targets', table => {
    table.string('entity_ref', 255).primary();
    table.string('kind', 64).notNullable();
    table.string('title', 255).notNullable();
    table.string('owner', 255).nullable();
    table.string('system', 255).nullable();
    table.text('url').notNullable();
    table.string('provider_id', 64).notNullable();
    table.string('status', 16).notNullable().defaultTo('unknown');
    table.bigInteger('status_since').nullable();
    table.text('reason').nullable();
    table.bigInteger('last_probe_at').nullable();
    table.integer('last_http_status').nullable();
    table.double('last_latency_ms').nullable();
    table.text('checks_json').nullable();
    table.text('stats_json').nullable();
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('ops_health_samples', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('ts').notNullable();
    table.string('status', 16).notNullable();
    table.boolean('is_error').notNullable();
    table.integer('http_status').nullable();
    table.double('latency_ms').nullable();
    table.text('error').nullable();
    table.index(['entity_ref', 'ts'], 'ops_health_samples_entity_ts_idx');
    table.index(['ts'], 'ops_health_samples_ts_idx');
  });

  await knex.schema.createTable('ops_health_rollups', table => {
    table.string('entity_ref', 255).notNullable();
    table.integer('resolution_s').notNullable();
    table.bigInteger('bucket_start').notNullable();
    table.integer('samples').notNullable();
    table.integer('failures').notNullable();
    table.integer('errors').notNullable();
    table.integer('latency_count').notNullable();
    table.double('latency_sum').notNullable();
    table.double('latency_max').nullable();
    table.text('histogram').notNullable();
    table.primary(['entity_ref', 'resolution_s', 'bucket_start']);
    table.index(
      ['resolution_s', 'bucket_start'],
      'ops_health_rollups_res_bucket_idx',
    );
  });

  await knex.schema.createTable('ops_sources', table => {
    table.string('id', 128).primary();
    table.string('status', 16).notNullable();
    table.text('error').nullable();
    table.bigInteger('updated_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_sources');
  await knex.schema.dropTable('ops_health_rollups');
  await knex.schema.dropTable('ops_health_samples');
  await knex.schema.dropTable('ops_health_targets');
};
