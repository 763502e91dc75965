import { positiveNumber } from '../shared/cliNumbers';

/** Command-line options of `yarn bench:health`; children receive them as JSON. */
export interface BenchOptions {
  /** which parts to run */
  parts: { fleet: boolean; prober: boolean };
  /** database: in-memory SQLite (default) or a fresh Postgres database */
  db: 'sqlite' | 'pg';
  /** Postgres server (a fresh database is created in it and dropped afterwards) */
  pgUrl: string;
  /** seed 30 days of rollups (and the last day of samples) before the first round */
  seed: boolean;
  /** part A */
  fleetTargets: number;
  fleetRounds: number;
  rate: number;
  connections: number;
  durationS: number;
  warmupS: number;
  /** measured load runs on the same backend (the summary takes the median p99) */
  repeat: number;
  /** ops.health.fleetCacheMs for part A (unset: the plugin's default, 2000) */
  fleetCacheMs?: number;
  /** run probe rounds every `intervalS` while the load runs (default: prober quiet) */
  proberDuringLoad: boolean;
  /** part B */
  proberTargets: number;
  intervalS: number;
  measuredRounds: number;
  /** targets answer with `Connection: close` (a new TCP connection per probe, as for distinct hosts) */
  targetsKeepAlive: boolean;
  /** write V8 CPU profiles of the backend children to bench/health/.profiles */
  profile: boolean;
  verbose: boolean;
}

const HELP = `yarn bench:health [options]

  --part fleet|prober|all   which part to run (default all)
  --pg                      use a fresh Postgres database instead of in-memory SQLite
  --pg-url URL              Postgres server (default postgresql://postgres@127.0.0.1:5432)
  --no-seed                 start from an empty history instead of 30 seeded days
  --fleet-targets N         targets in the store for part A (default 2000)
  --fleet-rounds N          probe rounds before the load (default 2)
  --rate N                  requests per second (default 200)
  --connections N           concurrent connections (default 10)
  --duration S              measured load, seconds (default 30)
  --warmup S                warm-up load before it, seconds (default 5)
  --repeat N                measured runs of that load on the same backend (default 3;
                            the summary line reports the run with the median p99)
  --fleet-cache-ms N        set ops.health.fleetCacheMs in part A (default: the plugin's, 2000)
  --prober-during-load      keep probing every --interval seconds while the load runs
  --prober-targets N        targets for part B (default 1000)
  --interval S              probe round interval for part B (default 30)
  --rounds N                measured rounds in part B, after one warm-up round (default 4)
  --keepalive               targets keep connections alive (default: Connection: close)
  --profile                 write .cpuprofile files of the backend processes
  --verbose                 print the backend logs
`;

export function parseOptions(argv: string[]): BenchOptions {
  const o: BenchOptions = {
    parts: { fleet: true, prober: true },
    db: 'sqlite',
    pgUrl: 'postgresql://postgres@127.0.0.1:5432',
    seed: true,
    fleetTargets: 2000,
    fleetRounds: 2,
    rate: 200,
    connections: 10,
    durationS: 30,
    warmupS: 5,
    repeat: 3,
    proberDuringLoad: false,
    proberTargets: 1000,
    intervalS: 30,
    measuredRounds: 4,
    targetsKeepAlive: false,
    profile: false,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i];
    switch (arg) {
      case '--part': {
        const part = next();
        if (!['fleet', 'prober', 'all'].includes(part))
          throw new Error(`--part fleet|prober|all`);
        o.parts = { fleet: part !== 'prober', prober: part !== 'fleet' };
        break;
      }
      case '--pg':
        o.db = 'pg';
        break;
      case '--pg-url':
        o.pgUrl = next();
        break;
      case '--no-seed':
        o.seed = false;
        break;
      case '--fleet-targets':
        o.fleetTargets = Math.round(positiveNumber(arg, next()));
        break;
      case '--fleet-rounds':
        o.fleetRounds = Math.round(positiveNumber(arg, next()));
        break;
      case '--rate':
        o.rate = positiveNumber(arg, next());
        break;
      case '--connections':
        o.connections = Math.round(positiveNumber(arg, next()));
        break;
      case '--duration':
        o.durationS = positiveNumber(arg, next());
        break;
      case '--warmup':
        o.warmupS = Number(next());
        break;
      case '--fleet-cache-ms':
        o.fleetCacheMs = positiveNumber(arg, next());
        break;
      case '--repeat':
        o.repeat = Math.round(positiveNumber(arg, next()));
        break;
      case '--prober-during-load':
        o.proberDuringLoad = true;
        break;
      case '--prober-targets':
        o.proberTargets = Math.round(positiveNumber(arg, next()));
        break;
      case '--interval':
        o.intervalS = positiveNumber(arg, next());
        break;
      case '--rounds':
        o.measuredRounds = Math.round(positiveNumber(arg, next()));
        break;
      case '--keepalive':
        o.targetsKeepAlive = true;
        break;
      case '--profile':
        o.profile = true;
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}\n\n${HELP}`);
    }
  }
  if (!(o.warmupS >= 0)) throw new Error('--warmup needs a number >= 0');
  return o;
}
