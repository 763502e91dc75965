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
      repository: database.repository,
      logger,
    });
  }
  return new SqliteOutboundQueue(database.repository, database.queues);
}
