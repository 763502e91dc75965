import { count } from '../shared/cliNumbers';

/** Command-line options of `yarn bench:queues`. */
export interface QueuesBenchOptions {
  redisUrl: string;
  /** BullMQ queues to create */
  queues: number;
  /** jobs per queue (waiting, prioritized, delayed; every tenth queue paused) */
  jobs: number;
  /** measured calls of each side */
  iterations: number;
  /** unmeasured calls of each side first */
  warmup: number;
  /** leave the keys in Redis afterwards */
  keep: boolean;
}

const HELP = `yarn bench:queues [options]

  --redis-url URL   Redis to use (default redis://127.0.0.1:6379); keys go under a fresh prefix
  --queues N        BullMQ queues to create (default 1000)
  --jobs N          jobs per queue (default 10)
  --iterations N    measured calls of each side (default 20)
  --warmup N        unmeasured calls of each side first (default 3)
  --keep            do not delete the keys afterwards
`;

export function parseOptions(argv: string[]): QueuesBenchOptions {
  const o: QueuesBenchOptions = {
    redisUrl: 'redis://127.0.0.1:6379',
    queues: 1000,
    jobs: 10,
    iterations: 20,
    warmup: 3,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i];
    switch (arg) {
      case '--redis-url':
        o.redisUrl = next();
        break;
      case '--queues':
        o.queues = count(arg, next(), 1);
        break;
      case '--jobs':
        o.jobs = count(arg, next(), 0);
        break;
      case '--iterations':
        o.iterations = count(arg, next(), 1);
        break;
      case '--warmup':
        o.warmup = count(arg, next(), 0);
        break;
      case '--keep':
        o.keep = true;
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
