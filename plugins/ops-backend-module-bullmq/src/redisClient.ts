import { ServiceUnavailableError } from '@backstage/errors';
import { Redis } from 'ioredis';

/** The last connection error of each client since it was last ready. */
const failures = new WeakMap<Redis, Error>();

/**
 * An ioredis client for `BullMqQueueProvider` that fails fast while Redis is unreachable instead of queueing commands:
 * no offline queue, one retry per request, a bounded connect, reconnects in the background.
 * @public
 */
export function createBullMqRedisClient(
  redisUrl: string,
  options: { connectTimeoutMs: number; onError?: (error: Error) => void },
): Redis {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs,
    retryStrategy: times => Math.min(times * 500, 5_000),
  });
  // without a listener ioredis prints every failed reconnect as an unhandled error event
  client.on('error', error => {
    failures.set(client, error);
    options.onError?.(error);
  });
  client.on('ready', () => failures.delete(client));
  return client;
}

/**
 * Resolves once the client is connected. Rejects with a ServiceUnavailableError at once while
 * the client is reconnecting after a failed attempt (for clients of {@link createBullMqRedisClient}),
 * and otherwise at the first connection error, when the connection is closed, or after
 * `timeoutMs`.
 */
export async function whenReady(client: Redis, timeoutMs: number) {
  if (client.status === 'ready') return;
  if (client.status === 'end') {
    throw new ServiceUnavailableError('Redis unavailable: connection closed');
  }
  const failure = failures.get(client);
  if (failure) {
    // the last attempt failed; ioredis retries in the background
    throw new ServiceUnavailableError(`Redis unavailable: ${failure.message}`);
  }
  await new Promise<void>((resolve, reject) => {
    const listeners: Record<'ready' | 'error' | 'end', (e?: Error) => void> = {
      ready: () => done(),
      error: (error?: Error) => done(error),
      end: () => done(new Error('connection closed')),
    };
    const timer = setTimeout(
      () => done(new Error(`not connected within ${timeoutMs} ms`)),
      timeoutMs,
    );
    function done(error?: Error) {
      clearTimeout(timer);
      for (const [event, listener] of Object.entries(listeners)) {
        client.off(event, listener);
      }
      if (error) {
        reject(
          new ServiceUnavailableError(`Redis unavailable: ${error.message}`),
        );
      } else resolve();
    }
    for (const [event, listener] of Object.entries(listeners)) {
      client.once(event, listener);
    }
    if (client.status === 'wait') client.connect().catch(() => {});
  });
}
