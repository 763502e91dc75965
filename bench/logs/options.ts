import { count } from '../shared/cliNumbers';

/** Command-line options of `yarn bench:logs`; the backend children receive them as JSON. */
export interface LogsBenchOptions {
  /** which parts to run */
  parts: { ingest: boolean; search: boolean };
  /** databases of part A (the search part always runs on Postgres) */
  ingestDbs: Array<'pg' | 'sqlite'>;
  /** Postgres server (fresh databases are created in it and dropped afterwards) */
  pgUrl: string;
  /** part A: concurrent loopback clients */
  clients: number;
  /** part A: log records per OTLP request */
  batch: number;
  /** part A: distinct request bodies the clients cycle through */
  bodies: number;
  /** part A: gzip the request bodies (Content-Encoding: gzip) */
  gzip: boolean;
  /** part A: the backend's ops.logs config (batchSize) */
  writer: { batchSize?: number };
  /** part A: measured seconds */
  durationS: number;
  /** part A: unmeasured seconds first (its records count for the loss check) */
  warmupS: number;
  /** part B: records seeded over the last 24 h */
  records: number;
  /** part B: rows per INSERT ... SELECT statement */
  seedChunk: number;
  /** part B: measured search requests, and unmeasured ones first */
  searches: number;
  searchWarmup: number;
  /** part B: the query timed */
  query: string;
  /** keep the Postgres databases instead of dropping them */
  keep: boolean;
  verbose: boolean;
}

export const DEFAULT_QUERY = 'level>=warn service:mailer "connection refused"';

const HELP = `yarn bench:logs [options]

  --part ingest|search|all  which part to run (default all)
  --pg-url URL              Postgres server (default postgresql://postgres@127.0.0.1:5432)

 part A, OTLP/HTTP JSON ingest:
  --ingest-db pg|sqlite|both  database(s) behind the backend (default both: Postgres, then SQLite)
  --clients N               concurrent loopback clients (default 8)
  --batch N                 log records per request (default 1000)
  --bodies N                distinct request bodies the clients cycle through (default 16)
  --gzip                    send gzip bodies (default: uncompressed, the exporter's default)
  --writer-batch N          ops.logs.batchSize of the backend (default: the backend's)
  --duration S              measured seconds (default 20)
  --warmup S                unmeasured seconds first (default 3)

 part B, search on Postgres:
  --records N               records seeded over the last 24 h (default 1000000; 10M: 10000000 or 10m)
  --seed-chunk N            rows per INSERT ... SELECT (default 500000)
  --searches N              measured search requests (default 200)
  --search-warmup N         unmeasured search requests first (default 10)
  --query Q                 the query (default '${DEFAULT_QUERY}')

  --keep                    do not drop the Postgres databases (their names are printed)
  --verbose                 print the backend logs
`;

export function parseOptions(argv: string[]): LogsBenchOptions {
  const o: LogsBenchOptions = {
    parts: { ingest: true, search: true },
    ingestDbs: ['pg', 'sqlite'],
    pgUrl: 'postgresql://postgres@127.0.0.1:5432',
    clients: 8,
    batch: 1000,
    bodies: 16,
    gzip: false,
    writer: {},
    durationS: 20,
    warmupS: 3,
    records: 1_000_000,
    seedChunk: 500_000,
    searches: 200,
    searchWarmup: 10,
    query: DEFAULT_QUERY,
    keep: false,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i];
    switch (arg) {
      case '--part': {
        const part = next();
        if (!['ingest', 'search', 'all'].includes(part)) {
          throw new Error(`--part needs ingest, search or all, got ${part}`);
        }
        o.parts = {
          ingest: part !== 'search',
          search: part !== 'ingest',
        };
        break;
      }
      case '--ingest-db': {
        const db = next();
        if (!['pg', 'sqlite', 'both'].includes(db)) {
          throw new Error(`--ingest-db needs pg, sqlite or both, got ${db}`);
        }
        o.ingestDbs = db === 'both' ? ['pg', 'sqlite'] : [db as 'pg'];
        break;
      }
      case '--pg-url':
        o.pgUrl = next();
        break;
      case '--clients':
        o.clients = count(arg, next(), 1);
        break;
      case '--batch':
        o.batch = count(arg, next(), 1);
        break;
      case '--bodies':
        o.bodies = count(arg, next(), 1);
        break;
      case '--gzip':
        o.gzip = true;
        break;
      case '--writer-batch':
        o.writer.batchSize = count(arg, next(), 1);
        break;
      case '--duration':
        o.durationS = count(arg, next(), 1);
        break;
      case '--warmup':
        o.warmupS = count(arg, next(), 0);
        break;
      case '--records':
        o.records = count(arg, next(), 1000);
        break;
      case '--seed-chunk':
        o.seedChunk = count(arg, next(), 1000);
        break;
      case '--searches':
        o.searches = count(arg, next(), 1);
        break;
      case '--search-warmup':
        o.searchWarmup = count(arg, next(), 0);
        break;
      case '--query':
        o.query = next();
        break;
      case '--keep':
        o.keep = true;
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '--help':
        process.stdout.write(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}\n${HELP}`);
    }
  }
  return o;
}
