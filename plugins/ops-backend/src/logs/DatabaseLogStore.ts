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
import { toMillis } from '../database/migrations';
import { applyLogFilter, LogFilter, LogSqlDialect } from './compileLogQuery';
import {
  parseStoreRecordId,
  readStoreCursor,
  readTailCursor,
  storeRecordId,
} from './logCursor';
import { LogStore, NewLogRecord } from './LogStore';

const TABLE = 'ops_log_records';
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
 * The built-in log store on the plugin database (SQLite or Postgres). Search is newest
 * first on (time, id); text terms use the full-text index of each engine.
 */
export class DatabaseLogStore implements LogStore {
  readonly id = 'ops-store';
  private readonly dialect: LogSqlDialect;
  private readonly chunkSize: number;

  private constructor(private readonly db: Knex) {
    const client = String(db.client.config.client);
    this.dialect = ['pg', 'postgres', 'postgresql'].includes(client)
      ? 'pg'
      : 'sqlite';
    // SQLite allows 32766 bindings per statement, Postgres 65535; 9 per row
    this.chunkSize = this.dialect === 'pg' ? 5000 : 3000;
  }

  static create(db: Knex): DatabaseLogStore {
    return new DatabaseLogStore(db);
  }

  private filtered(filter: LogFilter) {
    return applyLogFilter(this.db(TABLE), filter, this.dialect);
  }

  async insert(records: NewLogRecord[]): Promise<void> {
    if (records.length === 0) return;
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
      for (let i = 0; i < rows.length; i += this.chunkSize) {
        await tx(TABLE).insert(rows.slice(i, i + this.chunkSize));
      }
    });
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

  async search(
    scope: LogScope,
    options: { limit: number; cursor?: string },
  ): Promise<{ records: LogRecord[]; nextCursor?: string }> {
    const query = this.filtered(scopeFilter(scope)).select(COLUMNS);
    if (options.cursor !== undefined) {
      const { timeMs, id } = readStoreCursor(options.cursor);
      query.whereRaw('(time_ms, id) < (?, ?)', [timeMs, id]);
    }
    const rows: LogRow[] = await query
      .orderBy([
        { column: 'time_ms', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit + 1);
    const records = rows.slice(0, options.limit).map(toRecord);
    return rows.length > options.limit
      ? { records, nextCursor: records[records.length - 1].id }
      : { records };
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
