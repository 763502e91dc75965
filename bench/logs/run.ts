/**
 * `yarn bench:logs`: the built-in log store of the ops backend.
 * Part A: OTLP/HTTP JSON ingest on loopback, records/s acknowledged, and a loss check
 *   (rows in the database == records acknowledged).
 * Part B: search latency over HTTP for a term + level + service query over 24 h with 1 M
 *   (or --records) records seeded in Postgres, and the query plan.
 * Targets: ingest >= 50,000 records/s with nothing acknowledged lost; search p95 <= 150 ms
 * at 10 M records. See bench/README.md. Every wait is bounded; children are killed on exit.
 */
import os from 'node:os';
import path from 'node:path';
import { killChildren, startChild } from '../health/childProcesses';
import { percentile, startWindow, WindowFigures } from '../health/processMeter';
import { runBench } from '../health/runBench';
import { IngestFigures, runIngestLoad } from './ingestLoad';
import { LogsBenchOptions, parseOptions } from './options';
import { otlpBodies } from './otlpBodies';
import { SeedFigures } from './seedLogs';

const MINUTE = 60_000;
const TARGET_INGEST = 50_000;
const TARGET_SEARCH_P95_MS = 150;
const here = (file: string) => path.join(__dirname, file);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const num = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface IngestResult {
  database: string;
  load: IngestFigures;
  rows: number;
  backend: WindowFigures;
  generator: WindowFigures;
}

async function partIngest(o: LogsBenchOptions, kind: 'pg' | 'sqlite') {
  const child = startChild('ingest backend', here('ingestBackend.ts'), {
    options: o,
    db: kind,
  });
  const ready = await child.waitFor('ready', 5 * MINUTE);
  log(
    `part A (${kind}): backend (child pid ${child.process.pid}) ready; ${ready.database}`,
  );
  const url = `${ready.baseUrl}/otlp/v1/logs`;

  const bodies = otlpBodies({
    count: o.bodies,
    records: o.batch,
    gzip: o.gzip,
    nowMs: Date.now(),
  });
  log(
    `${o.bodies} request bodies of ${o.batch} records, ${num(
      bodies[0].length / 1024,
    )} KiB each${o.gzip ? ' (gzip)' : ''}`,
  );
  // sanity: the token is needed, and one request is stored
  const denied = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (denied.status !== 401) {
    throw new Error(`POST without a token answered ${denied.status}, not 401`);
  }
  const load = {
    url,
    token: ready.token,
    bodies,
    recordsPerBody: o.batch,
    gzip: o.gzip,
    clients: o.clients,
  };
  let acknowledgedBefore = 0;
  if (o.warmupS > 0) {
    log(`warm-up ${o.warmupS} s`);
    const warm = await runIngestLoad({ ...load, durationS: o.warmupS });
    acknowledgedBefore = warm.acknowledged;
    if (warm.statuses[200] === undefined) {
      throw new Error(
        `no request was stored in the warm-up: ${warm.firstError}`,
      );
    }
  }
  log(`measuring ${o.durationS} s with ${o.clients} clients`);
  child.send({ type: 'load-start' });
  const generator = startWindow();
  const figures = await runIngestLoad({ ...load, durationS: o.durationS });
  const generatorFigures = generator.stop();
  child.send({ type: 'load-end' });
  const stats = await child.waitFor('load-stats', MINUTE);
  child.send({ type: 'count' });
  const { rows } = await child.waitFor('rows', 10 * MINUTE);
  child.send({ type: 'stop' });
  await child.waitFor('stopped', 2 * MINUTE).catch(() => undefined);
  await child.stop(5_000);
  const result: IngestResult = {
    database: ready.database,
    load: figures,
    rows: rows - acknowledgedBefore,
    backend: stats.figures,
    generator: generatorFigures,
  };
  log(
    `part A (${kind}): ${num(
      figures.acknowledged / figures.durationS,
    )} records/s, ${num(result.rows)} rows for ${num(
      figures.acknowledged,
    )} acknowledged`,
  );
  return result;
}

function ingestLines(r: IngestResult, o: LogsBenchOptions) {
  const l = r.load;
  const lost = l.acknowledged - r.rows;
  const statuses = Object.entries(l.statuses)
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  return [
    `ingest on ${r.database}: ${o.clients} clients, ${o.batch} records/request${
      o.gzip ? ' (gzip)' : ''
    }, ${l.durationS.toFixed(1)} s; writer ${
      JSON.stringify(o.writer) === '{}' ? 'defaults' : JSON.stringify(o.writer)
    }`,
    `  ${num(l.acknowledged / l.durationS)} records/s acknowledged (${num(
      l.acknowledged,
    )} records in ${l.requests} requests; ${num(
      l.requests / l.durationS,
    )} requests/s)`,
    `  request latency p50 ${ms(l.latencyMs.p50)}, p95 ${ms(
      l.latencyMs.p95,
    )}, p99 ${ms(l.latencyMs.p99)}, max ${ms(l.latencyMs.max)}`,
    `  answers ${statuses}; 429: ${l.statuses[429] ?? 0}, 503: ${
      l.statuses[503] ?? 0
    }, no answer: ${l.failed}; partialSuccess rejected: ${l.rejected}${
      l.firstError ? ` (first error: ${l.firstError})` : ''
    }`,
    `  loss check: ${num(r.rows)} rows in the database for ${num(
      l.acknowledged,
    )} records acknowledged (warm-up excluded): ${
      lost === 0
        ? 'none lost, none extra'
        : lost > 0
        ? `${num(lost)} LOST`
        : `${num(-lost)} extra rows (requests without an answer)`
    }`,
    `  backend ${r.backend.pctOfCore.toFixed(
      0,
    )} % of a core (event loop delay p99 ${ms(
      r.backend.loopDelayMs.p99,
    )}), clients ${r.generator.pctOfCore.toFixed(0)} %`,
    `  target >= ${num(TARGET_INGEST)} records/s with nothing lost: ${
      l.acknowledged / l.durationS >= TARGET_INGEST && lost === 0
        ? 'PASS'
        : 'FAIL'
    }`,
  ];
}

interface SearchResult {
  database: string;
  seed: SeedFigures;
  httpMs: { p50: number; p95: number; max: number };
  sqlMs: { p50: number; p95: number; max: number };
  hits: number;
  newest?: string;
  oldest?: string;
  plan: { sql: string; bindings: unknown[]; lines: string[] };
}

async function partSearch(o: LogsBenchOptions): Promise<SearchResult> {
  const child = startChild('search backend', here('searchBackend.ts'), {
    options: o,
  });
  log(
    `part B: seeding ${num(o.records)} records into Postgres (child pid ${
      child.process.pid
    })`,
  );
  const ready = await child.waitFor('ready', 60 * MINUTE);
  const seed: SeedFigures = ready.seed;
  log(
    `part B: seeded in ${seed.insertS.toFixed(
      0,
    )} s, indexes ${seed.indexS.toFixed(
      0,
    )} s, vacuum analyze ${seed.analyzeS.toFixed(0)} s`,
  );
  const search = async () => {
    const to = Date.now();
    // encodeURIComponent, not URLSearchParams: the spec's validator refuses `+` for spaces
    const params = Object.entries({
      q: o.query,
      from: new Date(to - 24 * 3600_000).toISOString(),
      to: new Date(to).toISOString(),
      limit: '100',
    })
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    const res = await fetch(`${ready.searchUrl}?${params}`);
    const text = await res.text();
    if (res.status !== 200) {
      throw new Error(`search answered ${res.status}: ${text.slice(0, 300)}`);
    }
    return JSON.parse(text);
  };
  const first = await search();
  if (first.sources?.some((s: { status: string }) => s.status !== 'ok')) {
    throw new Error(`a log source failed: ${JSON.stringify(first.sources)}`);
  }
  for (let i = 0; i < o.searchWarmup; i++) await search();
  child.send({ type: 'load-start' });
  const times: number[] = [];
  for (let i = 0; i < o.searches; i++) {
    const at = performance.now();
    await search();
    times.push(performance.now() - at);
  }
  child.send({ type: 'load-end' });
  const stats = await child.waitFor('load-stats', MINUTE);
  child.send({ type: 'explain' });
  const plan = await child.waitFor('plan', 5 * MINUTE);
  child.send({ type: 'stop' });
  await child.waitFor('stopped', 2 * MINUTE).catch(() => undefined);
  await child.stop(5_000);
  times.sort((a, b) => a - b);
  return {
    database: ready.database,
    seed,
    httpMs: {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times[times.length - 1],
    },
    sqlMs: stats.sqlMs,
    hits: first.records.length,
    newest: first.records[0]?.time,
    oldest: first.records[first.records.length - 1]?.time,
    plan: { sql: plan.sql, bindings: plan.bindings, lines: plan.lines },
  };
}

function searchLines(r: SearchResult, o: LogsBenchOptions) {
  const mb = (bytes: number) => `${num(bytes / 1024 / 1024)} MB`;
  const indexes = [
    ...new Set(
      r.plan.lines.flatMap(line =>
        [
          ...line.matchAll(
            /(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g,
          ),
        ].map(m => m[1]),
      ),
    ),
  ];
  const execution = r.plan.lines.find(l => /^Execution Time/.test(l));
  return [
    `search on ${r.database}`,
    `  seed: ${num(
      r.seed.records,
    )} records over 24 h; insert ${r.seed.insertS.toFixed(
      0,
    )} s, index builds ${r.seed.indexS.toFixed(
      0,
    )} s, VACUUM ANALYZE ${r.seed.analyzeS.toFixed(0)} s; table ${mb(
      r.seed.tableBytes,
    )}, indexes ${Object.entries(r.seed.indexBytes)
      .map(([name, bytes]) => `${name} ${mb(bytes)}`)
      .join(', ')}`,
    `  query: ${o.query}  (last 24 h, limit 100): ${r.hits} records, ${r.newest} .. ${r.oldest}`,
    `  GET /api/ops/logs/search, ${o.searches} sequential requests: p50 ${ms(
      r.httpMs.p50,
    )}, p95 ${ms(r.httpMs.p95)}, max ${ms(r.httpMs.max)}`,
    `  of which the store's SQL: p50 ${ms(r.sqlMs.p50)}, p95 ${ms(
      r.sqlMs.p95,
    )}, max ${ms(r.sqlMs.max)}`,
    `  plan: indexes used: ${indexes.join(', ') || 'none (sequential scan)'}; ${
      execution ?? ''
    }`,
    `  target p95 <= ${TARGET_SEARCH_P95_MS} ms at 10 M records: ${
      r.seed.records >= 10_000_000
        ? r.httpMs.p95 <= TARGET_SEARCH_P95_MS
          ? 'PASS'
          : 'FAIL'
        : `not measured (${num(r.seed.records)} records; --records 10m)`
    }`,
  ];
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const watchdog = setTimeout(() => {
    log('giving up after 90 minutes');
    killChildren();
    process.exit(2);
  }, 90 * MINUTE);
  watchdog.unref();

  // a database that fails its part is reported, the others still run
  const ingest: Array<IngestResult | { kind: string; error: string }> = [];
  if (o.parts.ingest) {
    for (const kind of o.ingestDbs) {
      ingest.push(
        await partIngest(o, kind).catch(error => {
          log(`part A (${kind}) failed: ${error}`);
          killChildren();
          return { kind, error: String(error) };
        }),
      );
    }
  }
  const search = o.parts.search ? await partSearch(o) : undefined;

  const load = os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ');
  process.stdout.write(
    [
      '',
      ...(search
        ? [
            `search plan (EXPLAIN ANALYZE, BUFFERS) of the store's statement:`,
            `  ${search.plan.sql}`,
            `  bindings ${JSON.stringify(search.plan.bindings)}`,
            ...search.plan.lines.map(l => `  ${l}`),
            '',
          ]
        : []),
      `bench/logs results (node ${process.version}, ${
        os.cpus().length
      } cores, ${os.cpus()[0]?.model}; load average ${load})`,
      ...ingest.flatMap(r =>
        'error' in r
          ? [`ingest on ${r.kind}: FAILED: ${r.error.slice(0, 500)}`]
          : ingestLines(r, o),
      ),
      ...(search ? searchLines(search, o) : []),
      '',
    ].join('\n'),
  );
}

runBench(main);
