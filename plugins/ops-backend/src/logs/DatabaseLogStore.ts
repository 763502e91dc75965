import {
  LOG_LEVELS,
  LogContext,
  LogHistogramBucket,
  LogLevel,
  LogRecord,
  LogTopField,
  logLevelRank,
} from '@opsconsole/backstage-plugin-ops-common';
import { LogScope } from '@opsconsole/backstage-plugin-ops-node';
import { Knex } from 'knex';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { chunks } from '../database/chunks';
import { toMillis } from '../database/migrations';
import { applyLogFilter, LogFilter, LogSqlDialect } from './compileLogQuery';
import {
  parseStoreRecordId,
  readStoreCursor,
  readTailCursor,
  StorePosition,
  storeRecordId,
} from './logCursor';
import { LogStore, NewLogRecord } from './LogStore';
import { PG_COPY_COLUMNS, pgCopyRows } from './pgCopyRows';

const TABLE = 'ops_log_records';

/** The advisory lock the batches of every writer of the Postgres log table take in turn. */
const PG_WRITE_LOCK = "hashtext('ops_log_records.insert')";
const COLUMNS = [
  'id',
  'time_ms',
  'level',
  'service',
  'tenant_id',
  'trace_id',
  'span_id',
  'body',
  'attributes',
];

interface LogRow {
  id: number | string;
  time_ms: number | string;
  level: number;
  service: string;
  tenant_id: string | null;
  trace_id: string | null;
  span_id: string | null;
  body: string;
  attributes: string | Record<string, string>;
}

/**
 * knex writes a multi-row insert on SQLite as a compound SELECT, and SQLite allows at most
 * 500 terms in one (SQLITE_MAX_COMPOUND_SELECT); 500 rows × 8 bindings also stays under its
 * 32,766 bindings per statement.
 */
const SQLITE_INSERT_ROWS = 500;

const TOP_COLUMNS: Record<LogTopField, string> = {
  service: 'service',
  tenant: 'tenant_id',
  level: 'level',
  trace: 'trace_id',
};

function toRecord(row: LogRow): LogRecord {
  const timeMs = toMillis(row.time_ms)!;
  const attributes =
    typeof row.attributes === 'string'
      ? (JSON.parse(row.attributes) as Record<string, string>)
      : row.attributes;
  return {
    id: storeRecordId({ timeMs, id: Number(row.id) }),
    time: new Date(timeMs).toISOString(),
    level: LOG_LEVELS[row.level] ?? 'info',
    service: row.service,
    ...(row.tenant_id !== null && { tenantId: row.tenant_id }),
    ...(row.trace_id !== null && { traceId: row.trace_id }),
    ...(row.span_id !== null && { spanId: row.span_id }),
    body: row.body,
    attributes,
  };
}

function scopeFilter(scope: Omit<LogScope, 'from' | 'to'> & Partial<LogScope>) {
  const filter: LogFilter = { query: scope.query, tenantIds: scope.tenantIds };
  if (scope.from !== undefined) filter.fromMs = Date.parse(scope.from);
  if (scope.to !== undefined) filter.toMs = Date.parse(scope.to);
  return filter;
}

/**
 * Newest first, below `before` when given. `matchesAreRare`: order by an expression no
 * index yields, so that the database collects the matches through its most selective index
 * (e.g. the full-text one) and sorts them, rather than walking a (…, time, id) index newest
 * first and filtering — which reads the whole range when matches are rare.
 */
function newestFirst(
  qb: Knex.QueryBuilder,
  before?: StorePosition,
  matchesAreRare = false,
) {
  if (before) qb.whereRaw('(time_ms, id) < (?, ?)', [before.timeMs, before.id]);
  return matchesAreRare
    ? qb.orderByRaw('time_ms + 0 desc, id desc')
    : qb.orderBy([
        { column: 'time_ms', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
}

function page(rows: LogRow[], limit: number) {
  const records = rows.slice(0, limit).map(toRecord);
  return rows.length > limit
    ? { records, nextCursor: records[records.length - 1].id }
    : { records };
}

/**
 * The part of a filter that btree indexes answer (time range, tenants, positive field
 * terms) when the filter has more; undefined when there is nothing more to it.
 */
function indexableFilter(filter: LogFilter): LogFilter | undefined {
  const terms = filter.query.terms.filter(
    t => t.kind === 'field' && !t.negated,
  );
  if (terms.length === filter.query.terms.length) return undefined;
  return { ...filter, query: { terms } };
}

/**
 * The built-in log store on the plugin database (SQLite or Postgres). Search is newest
 * first on (time, id); text terms use the full-text index of each engine.
 */
export class DatabaseLogStore implements LogStore {
  readonly id = 'ops-store';
  private readonly dialect: LogSqlDialect;

  private constructor(
    private readonly db: Knex,
    private readonly scanRows: number,
  ) {
    const client = String(db.client.config.client);
    this.dialect = ['pg', 'postgres', 'postgresql'].includes(client)
      ? 'pg'
      : 'sqlite';
  }

  /**
   * `searchScanRows`: how many of the newest records that pass a search's indexable
   * conditions are scanned for its other conditions before the search falls back to the
   * full query (default 20,000).
   */
  static create(
    db: Knex,
    options: { searchScanRows?: number } = {},
  ): DatabaseLogStore {
    return new DatabaseLogStore(db, options.searchScanRows ?? 20_000);
  }

  private filtered(filter: LogFilter) {
    return applyLogFilter(this.db(TABLE), filter, this.dialect);
  }

  async insert(records: NewLogRecord[]): Promise<void> {
    if (records.length === 0) return;
    if (this.dialect === 'pg') {
      await this.copyRows(records);
      return;
    }
    const rows = records.map(r => ({
      time_ms: r.timeMs,
      level: logLevelRank(r.level),
      service: r.service,
      tenant_id: r.tenantId ?? null,
      trace_id: r.traceId ?? null,
      span_id: r.spanId ?? null,
      body: r.body,
      attributes: JSON.stringify(r.attributes),
    }));
    await this.db.transaction(async tx => {
      for (const chunk of chunks(rows, SQLITE_INSERT_ROWS)) {
        await tx(TABLE).insert(chunk);
      }
    });
  }

  /**
   * Postgres: one `COPY … FROM STDIN` per batch (one statement, the cheapest way into a
   * table), on a connection of the pool, encoded while Postgres reads it. Batches of every
   * writer (every replica) take turns on a transaction-level advisory lock, so their ids are
   * drawn and committed in the same order: a tail that reads `id > cursor` never misses a
   * record that another writer commits later with a smaller id.
   */
  private async copyRows(records: NewLogRecord[]) {
    const client = this.db.client;
    const connection = await client.acquireConnection();
    try {
      await connection.query(
        `BEGIN; SELECT pg_advisory_xact_lock(${PG_WRITE_LOCK})`,
      );
      await pipeline(
        Readable.from(pgCopyRows(records), { objectMode: false }),
        connection.query(
          copyFrom(`COPY ${TABLE} (${PG_COPY_COLUMNS.join(', ')}) FROM STDIN`),
        ),
      );
      await connection.query('COMMIT');
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      await client.releaseConnection(connection);
    }
  }

  async deleteOlderThan(cutoffMs: number, batchSize: number): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.db(TABLE)
        .whereIn(
          'id',
          this.db(TABLE)
            .select('id')
            .where('time_ms', '<', cutoffMs)
            .orderBy('time_ms')
            .limit(batchSize),
        )
        .delete();
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }

  /**
   * Newest first from the cursor (exclusive). A query with conditions no btree index answers
   * (words, levels, attributes, negations) is searched in two steps, because the full-text
   * index finds all matches of the range, which must then be sorted: first the newest
   * `scanRows` records that pass the indexable conditions (time, service, tenant, trace) are
   * scanned newest first through a (field, time, id) index, stopping at `limit` matches;
   * only when they hold too few does the full query run on the records older than them,
   * collecting the (rare) matches through the most selective index and sorting them.
   */
  async search(
    scope: LogScope,
    options: { limit: number; cursor?: string },
  ): Promise<{ records: LogRecord[]; nextCursor?: string }> {
    const filter = scopeFilter(scope);
    const before =
      options.cursor !== undefined
        ? readStoreCursor(options.cursor)
        : undefined;
    const want = options.limit + 1;
    let rows: LogRow[] = [];
    let from = before;
    const indexable = indexableFilter(filter);
    if (indexable) {
      const scanned = () => newestFirst(this.filtered(indexable), before);
      // on Postgres, a limit the planner cannot read: with the literal, it fetches and sorts
      // every record of a range that holds fewer, instead of walking the index lazily
      const scan =
        this.dialect === 'pg'
          ? this.db.raw('(? limit (select cast(? as integer))) as scanned', [
              scanned().select('*'),
              this.scanRows,
            ])
          : scanned().select('*').limit(this.scanRows).as('scanned');
      rows = await newestFirst(
        applyLogFilter(this.db.from(scan), filter, this.dialect).select(
          COLUMNS,
        ),
      ).limit(want);
      if (rows.length === want) return page(rows, options.limit);
      const oldest: { time_ms: number | string; id: number | string } =
        await scanned()
          .select('time_ms', 'id')
          .offset(this.scanRows - 1)
          .first();
      // the range holds fewer records than the scan took: it saw them all
      if (!oldest) return page(rows, options.limit);
      from = { timeMs: Number(oldest.time_ms), id: Number(oldest.id) };
    }
    // after a scan that found too few, matches are rare
    const rest: LogRow[] = await newestFirst(
      this.filtered(filter).select(COLUMNS),
      from,
      indexable !== undefined,
    ).limit(want - rows.length);
    return page(rows.concat(rest), options.limit);
  }

  async histogram(
    scope: LogScope,
    options: { bucketSeconds: number },
  ): Promise<LogHistogramBucket[]> {
    const filter = scopeFilter(scope);
    const fromMs = filter.fromMs!;
    const bucketMs = options.bucketSeconds * 1000;
    const rows: Array<{ bucket: number | string; level: number; n: unknown }> =
      await this.filtered(filter)
        .select(
          // better-sqlite3 binds numbers as reals: cast back to whole buckets
          this.db.raw(
            this.dialect === 'pg'
              ? '(time_ms - ?) / ? as bucket'
              : 'cast((time_ms - ?) / ? as integer) as bucket',
            [fromMs, bucketMs],
          ),
          'level',
        )
        .count({ n: '*' })
        .groupBy('bucket', 'level')
        .orderBy('bucket');
    const buckets = new Map<number, Partial<Record<LogLevel, number>>>();
    for (const row of rows) {
      const index = Number(row.bucket);
      const counts = buckets.get(index) ?? {};
      counts[LOG_LEVELS[row.level] ?? 'info'] = Number(row.n);
      buckets.set(index, counts);
    }
    return [...buckets.entries()].map(([index, counts]) => ({
      start: new Date(fromMs + index * bucketMs).toISOString(),
      counts,
    }));
  }

  async context(
    id: string,
    options: { before: number; after: number; tenantIds?: string[] },
  ): Promise<LogContext | undefined> {
    const position = parseStoreRecordId(id);
    if (!position) return undefined;
    const row: LogRow | undefined = await this.db(TABLE)
      .select(COLUMNS)
      .where({ id: position.id, time_ms: position.timeMs })
      .first();
    if (!row) return undefined;
    if (
      options.tenantIds &&
      (row.tenant_id === null || !options.tenantIds.includes(row.tenant_id))
    ) {
      return undefined;
    }
    const neighbours = (op: '<' | '>', limit: number) =>
      this.filtered({ query: { terms: [] }, tenantIds: options.tenantIds })
        .select(COLUMNS)
        .where('service', row.service)
        .whereRaw(`(time_ms, id) ${op} (?, ?)`, [position.timeMs, position.id])
        .orderBy([
          { column: 'time_ms', order: op === '<' ? 'desc' : 'asc' },
          { column: 'id', order: op === '<' ? 'desc' : 'asc' },
        ])
        .limit(limit);
    const [before, after]: LogRow[][] = await Promise.all([
      options.before > 0 ? neighbours('<', options.before) : [],
      options.after > 0 ? neighbours('>', options.after) : [],
    ]);
    return {
      before: before.reverse().map(toRecord),
      record: toRecord(row),
      after: after.map(toRecord),
    };
  }

  async tail(
    scope: Omit<LogScope, 'from' | 'to'>,
    options: { after?: string; limit: number },
  ): Promise<{ records: LogRecord[]; cursor: string }> {
    if (options.after === undefined) {
      const max = await this.db(TABLE).max({ id: 'id' }).first();
      return { records: [], cursor: String(Number(max?.id ?? 0)) };
    }
    const afterId = readTailCursor(options.after);
    const rows: LogRow[] = await this.filtered(scopeFilter(scope))
      .select(COLUMNS)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(options.limit);
    return {
      records: rows.map(toRecord),
      cursor: rows.length
        ? String(Number(rows[rows.length - 1].id))
        : String(afterId),
    };
  }

  async topValues(
    scope: LogScope,
    options: { field: LogTopField; limit: number },
  ): Promise<Array<{ value: string; count: number }>> {
    const column = TOP_COLUMNS[options.field];
    const rows: Array<{ value: string | number; n: unknown }> =
      await this.filtered(scopeFilter(scope))
        .select({ value: column })
        .count({ n: '*' })
        .whereNotNull(column)
        .groupBy(column)
        .orderBy([
          { column: 'n', order: 'desc' },
          { column: 'value', order: 'asc' },
        ])
        .limit(options.limit);
    return rows.map(r => ({
      value:
        options.field === 'level'
          ? LOG_LEVELS[Number(r.value)] ?? String(r.value)
          : String(r.value),
      count: Number(r.n),
    }));
  }
}
