import { JobRef, JobTimestampCache } from './JobTimestampCache';

/** Enqueue times of jobs "in Redis", by `queue/id`; records what was read. */
function fakeRedis(times: Record<string, number>) {
  const reads: string[][] = [];
  return {
    reads,
    async readMissing(jobs: JobRef[]) {
      reads.push(jobs.map(job => `${job.queue}/${job.id}`));
      return jobs.map(job => times[`${job.queue}/${job.id}`]);
    },
  };
}

const iso = (time: number) => new Date(time).toISOString();

describe('JobTimestampCache', () => {
  it('reads only the smallest of counter ids, once, then answers from the cache', async () => {
    const cache = new JobTimestampCache();
    const redis = fakeRedis({ 'q/7': 700, 'q/9': 900, 'q/12': 1200 });
    const queues = [
      { name: 'q', candidates: ['9', '12', '7'] },
      { name: 'empty', candidates: [] },
    ];
    expect(await cache.oldest(queues, redis.readMissing)).toEqual([
      iso(700),
      undefined,
    ]);
    expect(await cache.oldest(queues, redis.readMissing)).toEqual([
      iso(700),
      undefined,
    ]);
    expect(redis.reads).toEqual([['q/7']]);
    expect(cache.size).toBe(1);
  });

  it('reads every candidate when ids are not counters and takes the earliest time', async () => {
    const cache = new JobTimestampCache();
    const redis = fakeRedis({ 'q/b': 200, 'q/a': 500, 'q/10': 300 });
    expect(
      await cache.oldest(
        [{ name: 'q', candidates: ['a', 'b', '10'] }],
        redis.readMissing,
      ),
    ).toEqual([iso(200)]);
    expect(redis.reads).toEqual([['q/a', 'q/b', 'q/10']]);
  });

  it('keeps only the jobs of the last read, so it does not grow as jobs come and go', async () => {
    const cache = new JobTimestampCache();
    const times: Record<string, number> = {};
    const redis = fakeRedis(times);
    for (let round = 0; round < 50; round++) {
      // 20 queues whose oldest job changes every round; custom ids in every 5th queue
      const queues = Array.from({ length: 20 }, (_, q) => ({
        name: `q${q}`,
        candidates:
          q % 5 === 0
            ? [`a${round}`, `b${round}`]
            : [`${round + 1}`, `${round + 2}`],
      }));
      for (const queue of queues) {
        for (const id of queue.candidates) {
          times[`${queue.name}/${id}`] = round * 1000 + Number(id.slice(1));
        }
      }
      await cache.oldest(queues, redis.readMissing);
      // 16 queues with counter ids need one job each, 4 with custom ids two each
      expect(cache.size).toBe(16 + 4 * 2);
    }
    // queues that are gone leave the cache with them
    await cache.oldest([{ name: 'q1', candidates: ['50'] }], redis.readMissing);
    expect(cache.size).toBe(1);
    await cache.oldest([], redis.readMissing);
    expect(cache.size).toBe(0);
  });

  it('does not cache a job that is gone, and takes the time of the other candidates read', async () => {
    const cache = new JobTimestampCache();
    const redis = fakeRedis({ 'q/b': 200 });
    expect(
      await cache.oldest(
        [
          { name: 'q', candidates: ['a', 'b'] },
          { name: 'r', candidates: ['3', '4'] },
        ],
        redis.readMissing,
      ),
    ).toEqual([iso(200), undefined]);
    expect(cache.size).toBe(1);
    // read again next time
    await cache.oldest(
      [{ name: 'r', candidates: ['3', '4'] }],
      redis.readMissing,
    );
    expect(redis.reads).toEqual([['q/a', 'q/b', 'r/3'], ['r/3']]);
  });

  it('reads a job that two queues hold under the same id once per queue', async () => {
    const cache = new JobTimestampCache();
    const redis = fakeRedis({ 'q/1': 100, 'r/1': 50 });
    expect(
      await cache.oldest(
        [
          { name: 'q', candidates: ['1'] },
          { name: 'r', candidates: ['1'] },
        ],
        redis.readMissing,
      ),
    ).toEqual([iso(100), iso(50)]);
    expect(redis.reads).toEqual([['q/1', 'r/1']]);
  });
});
