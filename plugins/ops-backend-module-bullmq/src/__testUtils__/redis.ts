import { randomBytes } from 'node:crypto';
import { Job, Queue, Worker, WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';

/** The machine's Redis; tests use it for real, each run under its own key prefix. */
export const REDIS_URL = 'redis://127.0.0.1:6379';
export const REDIS_CONNECTION = { host: '127.0.0.1', port: 6379 };

/** A key prefix no other run uses, e.g. `opstest-3fa9c1d2`. */
export function uniquePrefix() {
  return `opstest-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix:`. */
export async function deleteKeys(redis: Redis, prefix: string) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(
      cursor,
      'MATCH',
      `${prefix}:*`,
      'COUNT',
      1000,
    );
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/**
 * Counts what a client writes to Redis: `writes` (socket writes: each is one round trip,
 * since the caller waits for its replies before it writes again) and `commands`.
 */
export function countTraffic(redis: Redis) {
  const stream = (redis as unknown as { stream: { write: Function } }).stream;
  const write = stream.write;
  const sendCommand = redis.sendCommand;
  const counts = { writes: 0, commands: 0 };
  stream.write = function countedWrite(this: unknown, ...args: unknown[]) {
    counts.writes += 1;
    return write.apply(this, args);
  };
  redis.sendCommand = function countedSend(this: Redis, ...args) {
    counts.commands += 1;
    return sendCommand.apply(this, args);
  } as Redis['sendCommand'];
  return {
    counts,
    restore() {
      stream.write = write;
      redis.sendCommand = sendCommand;
    },
  };
}

/**
 * A connection in MONITOR mode. Not `redis.monitor()`: lines of other clients that arrive
 * before ioredis switches the connection to monitoring are reported as 'error' events, and
 * `monitor()` attaches a listener only for the first one (a busy Redis crashed the process).
 */
export async function startMonitor(redisUrl: string): Promise<Redis> {
  const monitor = new Redis(redisUrl, { monitor: true, lazyConnect: true });
  monitor.on('error', () => {});
  const monitoring = new Promise<void>(resolve =>
    monitor.once('monitoring', () => resolve()),
  );
  await monitor.connect();
  await monitoring;
  return monitor;
}

/**
 * Runs `call` while a MONITOR connection records the commands Redis runs on keys under
 * `prefix:` (inside Lua scripts too); answers them as `[name, ...args]`, names lower-case.
 */
export async function monitorCommands(
  prefix: string,
  call: () => Promise<unknown>,
): Promise<string[][]> {
  const monitor = await startMonitor(REDIS_URL);
  const fence = `${prefix}:monitor-fence:${randomBytes(4).toString('hex')}`;
  const other = new Redis(REDIS_URL);
  const commands: string[][] = [];
  let recording = false;
  let stop: () => void = () => {};
  const stopped = new Promise<void>(resolve => {
    stop = resolve;
  });
  monitor.on('monitor', (_time: string, args: string[]) => {
    if (args.includes(fence)) {
      if (recording) stop();
      recording = true;
    } else if (recording && args.some(a => a.startsWith(`${prefix}:`))) {
      commands.push([args[0].toLowerCase(), ...args.slice(1)]);
    }
  });
  try {
    await other.exists(fence);
    await call();
    await other.exists(fence);
    await stopped;
  } finally {
    monitor.disconnect();
    other.disconnect();
  }
  return commands;
}

/** Resolves when `worker` has finished `count` more jobs (completed or failed). */
export function finished(worker: Worker, count: number): Promise<Job[]> {
  return new Promise(resolve => {
    const jobs: Job[] = [];
    const onDone = (job?: Job) => {
      if (job) jobs.push(job);
      if (jobs.length === count) {
        worker.off('completed', onDone);
        worker.off('failed', onDone);
        resolve(jobs);
      }
    };
    worker.on('completed', onDone);
    worker.on('failed', onDone);
  });
}

/** A promise with its resolve function. */
export function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Queues and workers made by a test, closed by {@link TestQueues.close}. */
export class TestQueues {
  readonly queues: Queue[] = [];
  readonly workers: Worker[] = [];

  constructor(readonly prefix: string) {}

  queue(name: string) {
    const queue = new Queue(name, {
      connection: REDIS_CONNECTION,
      prefix: this.prefix,
    });
    this.queues.push(queue);
    return queue;
  }

  worker(
    name: string,
    processor: (job: Job) => Promise<unknown>,
    options: Omit<WorkerOptions, 'connection' | 'prefix'> = {},
  ) {
    const worker = new Worker(name, processor, {
      ...options,
      connection: { ...REDIS_CONNECTION, maxRetriesPerRequest: null },
      prefix: this.prefix,
    });
    worker.on('error', () => {});
    this.workers.push(worker);
    return worker;
  }

  async close() {
    await Promise.all(this.workers.map(w => w.close(true)));
    await Promise.all(this.queues.map(q => q.close()));
  }
}
