import { positiveNumber } from '../shared/cliNumbers';

/** Command-line options of `yarn bench:ofrep`; the backend child receives them as JSON. */
export interface OfrepBenchOptions {
  /** concurrent keep-alive connections of the throughput runs */
  connections: number;
  /** measured seconds of each run */
  durationS: number;
  /** unmeasured seconds before the first run */
  warmupS: number;
  /** requests/s of the fixed-rate single-evaluation run (the target rate) */
  rate: number;
  /** distinct tenants in the evaluation contexts (one request body each) */
  tenants: number;
  /** measured runs of each kind; the summary reports the median */
  repeat: number;
  /** write V8 CPU profiles of the backend during each measured run */
  profile: boolean;
  verbose: boolean;
}

const HELP = `yarn bench:ofrep [options]

  --connections N   concurrent connections of the throughput runs (default 10)
  --duration S      measured seconds of each run (default 10)
  --warmup S        unmeasured load before the first run (default 5)
  --rate N          requests/s of the fixed-rate single run (default 10000)
  --tenants N       distinct tenants in the contexts (default 200)
  --repeat N        runs of each kind; the summary takes the median (default 3)
  --profile         write .cpuprofile files of the backend (bench/health/.profiles)
  --verbose         print the backend logs
`;

export function parseOptions(argv: string[]): OfrepBenchOptions {
  const o: OfrepBenchOptions = {
    connections: 10,
    durationS: 10,
    warmupS: 5,
    rate: 10_000,
    tenants: 200,
    repeat: 3,
    profile: false,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i];
    switch (arg) {
      case '--connections':
        o.connections = positiveNumber(arg, next());
        break;
      case '--duration':
        o.durationS = positiveNumber(arg, next());
        break;
      case '--warmup':
        o.warmupS = Number(next());
        break;
      case '--rate':
        o.rate = positiveNumber(arg, next());
        break;
      case '--tenants':
        o.tenants = positiveNumber(arg, next());
        break;
      case '--repeat':
        o.repeat = positiveNumber(arg, next());
        break;
      case '--profile':
        o.profile = true;
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '--help':
        process.stdout.write(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${arg}\n${HELP}`);
    }
  }
  return o;
}
