import { Knex } from 'knex';
import {
  NORMAL_MESSAGES,
  PROBLEM_MESSAGES,
  REFUSED_MESSAGE,
  SERVICES,
  TENANTS,
} from './logCorpus';

const TABLE = 'ops_log_records';
const DAY_MS = 24 * 3600_000;

/** Shares of the seed: 20 % mailer, levels 15 % debug, 70 % info, 10 % warn, 4.5 % error, 0.5 % fatal. */
export const SEED_SHARES = {
  mailer: 0.2,
  warnOrWorse: 0.15,
  refusedOfWarn: 0.1,
  refusedOfOthers: 0.01,
};

/**
 * One chunk of records: ids and times ascending together (as ingest writes them), spread
 * evenly over [fromMs, fromMs + 24 h). Columns as the store writes them (level ranks, trace
 * ids on 70 %, tenant on 95 %, attributes with service.name/tenant.id/host.name/...);
 * `body_tsv` is filled with `to_tsvector` over the body's letter and digit runs: for this
 * ASCII corpus the same words, with the same positions, as the store's own `pgTsvector`.
 */
const INSERT_CHUNK = `
INSERT INTO ${TABLE} (time_ms, level, service, tenant_id, trace_id, span_id, body, body_tsv, attributes)
SELECT time_ms, level, service, tenant_id, trace_id, span_id, body,
  to_tsvector('simple'::regconfig, regexp_replace(body, '[^[:alnum:]]+', ' ', 'g')),
  jsonb_build_object(
    'service.name', service, 'service.version', '1.14.2',
    'host.name', service || '-7d9f8-' || (g % 3), 'deployment.environment', 'production',
    'message.id', 'msg-' || left(md5(g::text), 12),
    'otel.scope.name', '@opsconsole/example-platform')
  || CASE WHEN tenant_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('tenant.id', tenant_id) END
FROM (
  SELECT g,
    :fromMs::bigint + (g * :dayMs::bigint) / :total::bigint AS time_ms,
    CASE WHEN r1 < :mailer THEN 'mailer'
      ELSE (:others::text[])[1 + floor(r1 * 1e6)::int % cardinality(:others::text[])] END AS service,
    level,
    CASE WHEN r4 < 0.05 THEN NULL
      ELSE 'tenant-' || lpad(floor(r4 * :tenants)::int::text, 4, '0') END AS tenant_id,
    CASE WHEN r3 < 0.7 THEN md5(g::text) END AS trace_id,
    CASE WHEN r3 < 0.7 THEN left(md5(g::text || 's'), 16) END AS span_id,
    CASE
      WHEN level >= 3 AND r5 < :refusedOfWarn THEN :refused
      WHEN level >= 3 THEN (:problems::text[])[1 + floor(r5 * 1e6)::int % cardinality(:problems::text[])]
      WHEN r5 < :refusedOfOthers THEN :refused
      ELSE (:normal::text[])[1 + floor(r5 * 1e6)::int % cardinality(:normal::text[])]
    END AS msg
  FROM (
    SELECT g, r1, r3, r4, r5,
      CASE WHEN r2 < 0.15 THEN 1 WHEN r2 < 0.85 THEN 2 WHEN r2 < 0.95 THEN 3
        WHEN r2 < 0.995 THEN 4 ELSE 5 END AS level
    FROM (
      SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
      FROM generate_series(:first::bigint, :last::bigint) AS g
    ) AS draws
  ) AS leveled
) AS rows_
CROSS JOIN LATERAL (SELECT replace(msg, '#', (g % 100000)::text) AS body) AS bodies`;

export interface SeedFigures {
  records: number;
  insertS: number;
  indexS: number;
  analyzeS: number;
  tableBytes: number;
  indexBytes: Record<string, number>;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * Fills ops_log_records with `total` records over the 24 h before `nowMs` with
 * INSERT ... SELECT generate_series in chunks of `chunk` rows. The table's secondary indexes
 * (read from pg_indexes, so they are exactly the migration's) are dropped first and built
 * again afterwards — one sorted build instead of 10 M index insertions, same indexes — then
 * VACUUM ANALYZE (a steady-state table has been autovacuumed: visibility map, statistics).
 */
export async function seedLogs(
  knex: Knex,
  options: { total: number; chunk: number; nowMs: number },
  log: (line: string) => void,
): Promise<SeedFigures> {
  const indexes: Array<{ indexname: string; indexdef: string }> = (
    await knex.raw(
      `SELECT indexname, indexdef FROM pg_indexes
       WHERE tablename = ? AND indexname NOT LIKE '%pkey'`,
      [TABLE],
    )
  ).rows;
  for (const { indexname } of indexes) {
    await knex.raw('DROP INDEX ??', [indexname]);
  }

  const insertStart = performance.now();
  for (let first = 0; first < options.total; first += options.chunk) {
    const last = Math.min(options.total, first + options.chunk) - 1;
    await knex.raw(INSERT_CHUNK, {
      fromMs: options.nowMs - DAY_MS,
      dayMs: DAY_MS,
      total: options.total,
      mailer: SEED_SHARES.mailer,
      others: SERVICES.filter(s => s !== 'mailer'),
      tenants: TENANTS,
      refusedOfWarn: SEED_SHARES.refusedOfWarn,
      refusedOfOthers: SEED_SHARES.refusedOfOthers,
      refused: REFUSED_MESSAGE,
      problems: PROBLEM_MESSAGES,
      normal: NORMAL_MESSAGES,
      first,
      last,
    });
    log(
      `seeded ${(last + 1).toLocaleString(
        'en',
      )} / ${options.total.toLocaleString('en')} records (${seconds(
        insertStart,
      ).toFixed(0)} s)`,
    );
  }
  const insertS = seconds(insertStart);

  const indexStart = performance.now();
  await knex.transaction(async tx => {
    await tx.raw(`SET LOCAL maintenance_work_mem = '1GB'`);
    for (const { indexname, indexdef } of indexes) {
      const at = performance.now();
      await tx.raw(indexdef);
      log(`built ${indexname} in ${seconds(at).toFixed(1)} s`);
    }
  });
  const indexS = seconds(indexStart);

  const analyzeStart = performance.now();
  await knex.raw(`VACUUM (ANALYZE) ${TABLE}`);
  const analyzeS = seconds(analyzeStart);

  const sizes: Array<{ name: string; bytes: string }> = (
    await knex.raw(
      `SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes
       FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
       WHERE i.indrelid = ?::regclass`,
      [TABLE],
    )
  ).rows;
  const tableBytes = Number(
    (await knex.raw(`SELECT pg_table_size(?) AS bytes`, [TABLE])).rows[0].bytes,
  );
  return {
    records: options.total,
    insertS,
    indexS,
    analyzeS,
    tableBytes,
    indexBytes: Object.fromEntries(sizes.map(s => [s.name, Number(s.bytes)])),
  };
}
