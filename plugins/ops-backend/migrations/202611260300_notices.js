// @ts-check

/**
 * Queue samples and tenant notices:
 * - ops_queue_seen_recipients: per tenant, the sha256 of every recipient address seen in its
 *   queued jobs (never the address), with the enqueue time of the earliest job that had it.
 * - ops_tenant_notices: notices sent to a tenant's admin over SMTP, or captured when no SMTP
 *   server is configured. Times are epoch milliseconds (bigint).
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_queue_seen_recipients', table => {
    table.string('tenant_id', 255).notNullable();
    table.string('recipient_hash', 64).notNullable();
    table.bigInteger('first_seen_at').notNullable();
    table.bigInteger('last_seen_at').notNullable();
    table.primary(['tenant_id', 'recipient_hash']);
    table.index(['last_seen_at'], 'ops_queue_seen_recipients_last_idx');
  });

  await knex.schema.createTable('ops_tenant_notices', table => {
    table.bigIncrements('seq').primary();
    table.string('id', 36).notNullable().unique();
    table.string('tenant_id', 255).notNullable();
    table.string('template_id', 100).notNullable();
    table.string('recipient', 320).notNullable();
    table.text('subject').notNullable();
    table.text('body').notNullable();
    table.string('delivery', 16).notNullable();
    table.text('message_id').nullable();
    table.text('reason').notNullable();
    table.string('actor', 255).notNullable();
    table.bigInteger('sent_at').notNullable();
    table.index(['tenant_id', 'sent_at'], 'ops_tenant_notices_tenant_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ops_tenant_notices');
  await knex.schema.dropTable('ops_queue_seen_recipients');
};
