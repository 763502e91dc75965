import { randomBytes } from 'node:crypto';
import { Job, Queue, Worker } from 'bullmq';
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

  worker(name: string, processor: (job: Job) => Promise<unknown>) {
    const worker = new Worker(name, processor, {
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
