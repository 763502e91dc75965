// @ts-check

/**
 * Queues: samples of every queue (counts and counter deltas per sampling round), hourly
 * rollups for the 7-day history and spike baselines, spike alerts, and the emergency pause
 * state of each tenant. Times are epoch milliseconds (bigint).
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_queue_samples', table => {
    table.bigIncrements('id').primary();
    // `<source>:<queue name>`
    table.string('queue_id', 400).notNullable();
    table.string('source', 100).notNullable();
    table.string('name', 255).notNullable();
    table.string('tenant_id', 200).nullable();
    table.bigInteger('ts').notNullable();
    table.integer('waiting').notNullable();
    table.integer('active').notNullable();
    table.integer('delayed').notNullable();
    table.integer('failed').notNullable();
    table.integer('completed').notNullable();
    table.boolean('paused').notNullable();
    table.bigInteger('oldest_waiting_at').nullable();
    // cumulative counters as the source reported them (null when it has none)
    table.bigInteger('enqueued_total').nullable();
    table.bigInteger('completed_total').nullable();
    table.bigInteger('failed_total').nullable();
    // jobs since the previous sample of the queue, and the time that covers (0 for the first)
    table.integer('enqueued_delta').notNullable();
    table.integer('processed_delta').notNullable();
    table.integer('failed_delta').notNullable();
    table.bigInteger('interval_ms').notNullable();
    table.index(['queue_id', 'ts'], 'ops_queue_samples_queue_ts_idx');
    table.index(['tenant_id', 'ts'], 'ops_queue_samples_tenant_ts_idx');
    table.index(['ts'], 'ops_queue_samples_ts_idx');
  });

  await knex.schema.createTable('ops_queue_rollups', table => {
    table.string('queue_id', 400).notNullable();
    table.bigInteger('bucket_start').notNullable();
    table.string('tenant_id', 200).nullable();
    table.integer('samples').notNullable();
    table.bigInteger('enqueued').notNullable();
    table.bigInteger('processed').notNullable();
    table.bigInteger('failed_jobs').notNullable();
    table.bigInteger('interval_ms').notNullable();
    // the bucket's last sample
    table.bigInteger('last_ts').notNullable();
    table.integer('depth').notNullable();
    table.integer('waiting').notNullable();
    table.integer('failed').notNullable();
    table.primary(['queue_id', 'bucket_start']);
    table.index(['tenant_id', 'bucket_start'], 'ops_queue_rollups_tenant_idx');
    table.index(['bucket_start'], 'ops_queue_rollups_bucket_idx');
  });

  await knex.schema.createTable('ops_queue_alerts', table => {
    table.string('id', 36).primary();
    table.string('tenant_id', 200).notNullable();
    table.string('severity', 16).notNullable();
    table.string('status', 16).notNullable();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('resolved_at').nullable();
    table.double('rate_per_minute').notNullable();
    table.double('peak_rate_per_minute').notNullable();
    table.double('baseline_per_minute').notNullable();
    table.text('message').notNullable();
    table.index(['tenant_id', 'status'], 'ops_queue_alerts_tenant_status_idx');
    table.index(['status', 'started_at'], 'ops_queue_alerts_status_idx');
  });

  await knex.schema.createTable('ops_queue_pauses', table => {
    table.string('tenant_id', 200).primary();
    table.boolean('paused').notNullable();
    table.text('reason').nullable();
    table.string('paused_by', 255).nullable();
    table.bigInteger('paused_at').nullable();
    table.bigInteger('auto_resume_at').nullable();
    table.bigInteger('updated_at').notNullable();
    table.index(['paused', 'auto_resume_at'], 'ops_queue_pauses_auto_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_queue_pauses');
  await knex.schema.dropTable('ops_queue_alerts');
  await knex.schema.dropTable('ops_queue_rollups');
  await knex.schema.dropTable('ops_queue_samples');
};
