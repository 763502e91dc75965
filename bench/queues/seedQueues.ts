import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

/** Queue names of the bench: per-tenant queues and every 50th a shared one. */
export function benchQueueNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    i % 50 === 49
      ? `shared-${String(i).padStart(4, '0')}`
      : `outbound-email-tenant-${String(i).padStart(4, '0')}`,
  );
}

/**
 * Creates the queues through BullMQ itself, `jobs` per queue: 60 % waiting, 20 % prioritized,
 * 20 % delayed by an hour; every tenth queue paused. Returns the jobs created.
 */
export async function seedQueues(
  redis: Redis,
  prefix: string,
  names: string[],
  jobs: number,
  progress: (done: number) => void,
): Promise<number> {
  let created = 0;
  let done = 0;
  const seedOne = async (name: string, index: number) => {
    const queue = new Queue(name, { connection: redis, prefix });
    await queue.addBulk(
      Array.from({ length: jobs }, (_, j) => ({
        name: 'send-email',
        data: {
          to: `user${j}@tenant-${index}.test`,
          subject: `Message ${j}`,
          body: 'Hello '.repeat(40),
        },
        opts:
          j % 5 === 3
            ? { priority: 1 + (j % 3) }
            : j % 5 === 4
            ? { delay: 3_600_000 }
            : {},
      })),
    );
    if (index % 10 === 0) await queue.pause();
    await queue.close();
    created += jobs;
    done += 1;
    if (done % 100 === 0) progress(done);
  };
  const concurrency = 20;
  for (let i = 0; i < names.length; i += concurrency) {
    await Promise.all(
      names.slice(i, i + concurrency).map((n, k) => seedOne(n, i + k)),
    );
  }
  return created;
}

/** Deletes every key under `prefix:`. */
export async function deletePrefix(redis: Redis, prefix: string) {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(
      cursor,
      'MATCH',
      `${prefix}:*`,
      'COUNT',
      5000,
    );
    cursor = next;
    if (keys.length) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
