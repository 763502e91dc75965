// @ts-check

/**
 * Queues: `ops_queue_pauses.pausing_since`, set while a claimed pause is being carried out in
 * the sources (epoch milliseconds) and cleared once they are paused. A resume that finds it
 * (and not older than the bound in `QueuePauses`) is refused, so it cannot be undone by the
 * pause still under way.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ops_queue_pauses', table => {
    table.bigInteger('pausing_since').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ops_queue_pauses', table => {
    table.dropColumn('pausing_since');
  });
};
