// @ts-check

/** @param {import('knex').Knex} knex */
const isPostgres = knex =>
  ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));

/**
 * Logs: records ingested over OTLP/HTTP (and the backend's own log lines). `id` grows with
 * every insert, so (time_ms, id) orders records totally: search cursors stay stable while
 * records keep arriving, and tail cursors are ids. `level` is the rank of the level
 * (trace 0 … fatal 5). Full text on `body`:
 * - Postgres: a stored tsvector of the body's letter/digit runs (`simple` config), GIN-indexed;
 * - SQLite: an FTS5 external-content table kept in step by triggers, same tokens
 *   (unicode61 without diacritics folding).
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ops_log_records', table => {
    table.bigIncrements('id').primary();
    table.bigInteger('time_ms').notNullable();
    table.smallint('level').notNullable();
    table.string('service', 255).notNullable();
    table.string('tenant_id', 255).nullable();
    table.string('trace_id', 32).nullable();
    table.string('span_id', 16).nullable();
    table.text('body').notNullable();
    table.jsonb('attributes').notNullable();
    table.index(['time_ms', 'id'], 'ops_log_records_time_idx');
    table.index(['service', 'time_ms', 'id'], 'ops_log_records_service_idx');
    table.index(['tenant_id', 'time_ms', 'id'], 'ops_log_records_tenant_idx');
    table.index(['level', 'time_ms', 'id'], 'ops_log_records_level_idx');
    table.index(['trace_id'], 'ops_log_records_trace_idx');
  });

  if (isPostgres(knex)) {
    await knex.raw(`
      ALTER TABLE ops_log_records ADD COLUMN body_tsv tsvector
        GENERATED ALWAYS AS (
          to_tsvector('simple'::regconfig, regexp_replace(body, '[^[:alnum:]]+', ' ', 'g'))
        ) STORED`);
    await knex.raw(
      'CREATE INDEX ops_log_records_body_idx ON ops_log_records USING GIN (body_tsv)',
    );
  } else {
    await knex.raw(`
      CREATE VIRTUAL TABLE ops_log_records_fts USING fts5(
        body, content='ops_log_records', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0"
      )`);
    await knex.raw(`
      CREATE TRIGGER ops_log_records_fts_insert AFTER INSERT ON ops_log_records BEGIN
        INSERT INTO ops_log_records_fts(rowid, body) VALUES (new.id, new.body);
      END`);
    await knex.raw(`
      CREATE TRIGGER ops_log_records_fts_delete AFTER DELETE ON ops_log_records BEGIN
        INSERT INTO ops_log_records_fts(ops_log_records_fts, rowid, body)
          VALUES ('delete', old.id, old.body);
      END`);
    await knex.raw(`
      CREATE TRIGGER ops_log_records_fts_update AFTER UPDATE OF body ON ops_log_records BEGIN
        INSERT INTO ops_log_records_fts(ops_log_records_fts, rowid, body)
          VALUES ('delete', old.id, old.body);
        INSERT INTO ops_log_records_fts(rowid, body) VALUES (new.id, new.body);
      END`);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) {
    await knex.raw('DROP TRIGGER IF EXISTS ops_log_records_fts_update');
    await knex.raw('DROP TRIGGER IF EXISTS ops_log_records_fts_delete');
    await knex.raw('DROP TRIGGER IF EXISTS ops_log_records_fts_insert');
    await knex.raw('DROP TABLE IF EXISTS ops_log_records_fts');
  }
  await knex.schema.dropTable('ops_log_records');
};
