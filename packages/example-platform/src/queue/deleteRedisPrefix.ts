import IORedis from 'ioredis';

/**
 * Deletes every key under a BullMQ prefix (`<prefix>:*`), e.g. a test's or
 * an e2e run's own prefix. Returns how many keys were deleted.
 *
 * @public
 */
export async function deleteRedisPrefix(
  url: string,
  prefix: string,
): Promise<number> {
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) {
    throw new Error(`Refusing to delete keys of prefix "${prefix}"`);
  }
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let deleted = 0;
    for await (const keys of redis.scanStream({
      match: `${prefix}:*`,
      count: 500,
    })) {
      if ((keys as string[]).length > 0) {
        deleted += await redis.del(...(keys as string[]));
      }
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}
