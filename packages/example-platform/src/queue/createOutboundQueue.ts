import { PlatformDatabase } from '../db/openPlatformDatabase';
import { PlatformLogger } from '../logger';
import { BullMqOutboundQueue } from './BullMqOutboundQueue';
import { SqliteOutboundQueue } from './SqliteOutboundQueue';
import { OutboundQueue } from './types';

/**
 * Where the outbound queues live. BullMQ in Redis when `url` is given
 * (`REDIS_URL`, `REDIS_QUEUE_PREFIX`), the platform's SQLite database
 * otherwise.
 *
 * @public
 */
export interface RedisQueueOptions {
  /** e.g. `redis://127.0.0.1:6379` */
  url: string;
  /** BullMQ key prefix. Default `bull`. */
  prefix?: string;
  /**
   * How long a request waits for Redis to be connected before the queues
   * answer unavailable (the Platform Admin API's 503). Default 2000 ms.
   */
  readyTimeoutMs?: number;
}

/** The outbound queue of a platform: BullMQ with `redis`, SQLite without. */
export function createOutboundQueue(
  database: PlatformDatabase,
  redis: RedisQueueOptions | undefined,
  logger: PlatformLogger,
): OutboundQueue {
  if (redis) {
    return new BullMqOutboundQueue({
      url: redis.url,
      prefix: redis.prefix,
      readyTimeoutMs: redis.readyTimeoutMs,
      repository: database.repository,
      logger,
    });
  }
  return new SqliteOutboundQueue(database.repository, database.queues);
}
