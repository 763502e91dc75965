/**
 * Child of bench/logs/run.ts for part B: a fresh Postgres database seeded with
 * `records` log records over the last 24 h (seedLogs.ts), then the real ops backend on it
 * as bench/health starts it (startBenchBackend: a user as default credentials, permissions
 * that allow, the manual scheduler so no retention runs).
 *
 * It records the SQL and duration of every search query the store runs (knex query
 * events), so the parent can split HTTP time from SQL time and get the plan.
 *
 * Messages: -> ready {searchUrl, database, seed}; <- load-start; <- load-end -> load-stats
 * {sqlMs}; <- explain -> plan {sql, lines}; <- stop -> stopped, then exit.
 */
import { Knex } from 'knex';
import { startBenchBackend } from '../health/benchBackend';
import { createBenchDatabase } from '../health/benchDatabase';
import {
  childPayload,
  exitWithParent,
  failToParent,
  toParent,
} from '../health/childProcesses';
import { percentile } from '../health/processMeter';
import { LogsBenchOptions } from './options';
import { seedLogs } from './seedLogs';

const { options: o } = childPayload<{ options: LogsBenchOptions }>();
const log = (line: string) => process.stderr.write(`[search] ${line}\n`);

/** a fresh Postgres database is dropped even when the run fails */
let dropDatabase: (() => Promise<void>) | undefined;

interface QueryEvent {
  __knexQueryUid: string;
  sql: string;
  bindings?: Knex.RawBinding[];
}

/** The store's search statements (newest first from ops_log_records) and their durations. */
function watchSearchQueries(knex: Knex) {
  const started = new Map<string, number>();
  const isSearch = (q: QueryEvent) =>
    /from "ops_log_records"/i.test(q.sql) &&
    /order by "time_ms" desc/i.test(q.sql);
  const watch = {
    last: undefined as QueryEvent | undefined,
    durations: [] as number[],
  };
  knex.on('query', (q: QueryEvent) => {
    if (!isSearch(q)) return;
    // copied: knex's query object is changed after the event
    watch.last = { ...q, bindings: [...(q.bindings ?? [])] };
    started.set(q.__knexQueryUid, performance.now());
  });
  knex.on('query-response', (_r: unknown, q: QueryEvent) => {
    const at = started.get(q.__knexQueryUid);
    if (at === undefined) return;
    started.delete(q.__knexQueryUid);
    watch.durations.push(performance.now() - at);
  });
  return watch;
}

async function main() {
  exitWithParent();
  const db = await createBenchDatabase('pg', o.pgUrl, 'bench_logs_search');
  dropDatabase = o.keep ? undefined : () => db.drop();
  const label = o.keep
    ? db.label.replace('dropped afterwards', 'kept: --keep')
    : db.label;
  log(`database: ${label}`);
  const seed = await seedLogs(
    db.knex,
    { total: o.records, chunk: o.seedChunk, nowMs: Date.now() },
    log,
  );
  const queries = watchSearchQueries(db.knex);
  const backend = await startBenchBackend({
    knex: db.knex,
    entities: [],
    scheduler: 'manual',
    intervalS: 30,
    verbose: o.verbose,
  });

  process.on('message', async (m: { type: string }) => {
    try {
      if (m.type === 'load-start') queries.durations = [];
      if (m.type === 'load-end') {
        const sorted = [...queries.durations].sort((a, b) => a - b);
        toParent({
          type: 'load-stats',
          queries: sorted.length,
          sqlMs: {
            p50: percentile(sorted, 50),
            p95: percentile(sorted, 95),
            max: sorted[sorted.length - 1],
          },
        });
      }
      if (m.type === 'explain') {
        const q = queries.last;
        if (!q) throw new Error('no search query was recorded');
        // through the driver: the recorded SQL has the driver's $n placeholders
        const connection = await db.knex.client.acquireConnection();
        let rows: Array<Record<string, string>>;
        try {
          ({ rows } = await connection.query(
            `EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`,
            q.bindings,
          ));
        } finally {
          await db.knex.client.releaseConnection(connection);
        }
        toParent({
          type: 'plan',
          sql: q.sql,
          bindings: q.bindings,
          lines: rows.map(r => r['QUERY PLAN']),
        });
      }
      if (m.type === 'stop') {
        await backend.stop();
        await (dropDatabase ?? (() => db.knex.destroy()))();
        toParent({ type: 'stopped' });
        setTimeout(() => process.exit(0), 50);
      }
    } catch (error) {
      failToParent(error);
    }
  });
  toParent({
    type: 'ready',
    searchUrl: `http://127.0.0.1:${backend.port}/api/ops/logs/search`,
    database: label,
    seed,
  });
}

main().catch(async error => {
  await dropDatabase?.().catch(() => {});
  failToParent(error);
});
