// @ts-check

/** @param {import('knex').Knex} knex */
const isPostgres = knex =>
  ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));

/**
 * Logs on Postgres: `body_tsv` becomes a plain column that the store fills from the body's
 * words as the backend splits them (`logText.ts`, the same words SQLite's FTS5 indexes).
 * Computing it in the database (`to_tsvector` over `regexp_replace`) was the largest part of
 * an insert's cost. Rows stored before keep the vector the expression computed. SQLite: no
 * change.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isPostgres(knex)) return;
  await knex.raw(
    'ALTER TABLE ops_log_records ALTER COLUMN body_tsv DROP EXPRESSION',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) return;
  await knex.raw('DROP INDEX IF EXISTS ops_log_records_body_idx');
  await knex.raw('ALTER TABLE ops_log_records DROP COLUMN body_tsv');
  await knex.raw(`
    ALTER TABLE ops_log_records ADD COLUMN body_tsv tsvector
      GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, regexp_replace(body, '[^[:alnum:]]+', ' ', 'g'))
      ) STORED`);
  await knex.raw(
    'CREATE INDEX ops_log_records_body_idx ON ops_log_records USING GIN (body_tsv)',
  );
};
