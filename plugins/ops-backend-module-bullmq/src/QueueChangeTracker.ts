import { LoggerService } from '@backstage/backend-plugin-api';
import { ChainableCommander, Redis, ReplyError } from 'ioredis';
import { QUEUE_KEYS } from './queueCountsScript';

/** The channel Redis publishes key invalidations on for a `REDIRECT` tracking client. */
const INVALIDATE_CHANNEL = '__redis__:invalidate';

/**
 * Which queues may have changed since they were last read, told by Redis itself: Redis
 * server-assisted client-side caching (`CLIENT TRACKING ... OPTIN`, Redis 6+). Before the
 * counts of queues are read, the same pipeline registers their {@link QUEUE_KEYS}
 * (`CLIENT CACHING YES` + `EXISTS <keys>`); from then on any write to one of those keys, by
 * any client (BullMQ workers and producers, a drain, a manual edit, an expiry), makes Redis
 * send the key name to a second connection of ours, and the queue counts as changed until it
 * is read again.
 *
 * {@link QueueChangeTracker.sync} is the barrier: a PING on that second connection, answered
 * after every invalidation Redis sent before it, so a write that finished before `sync` was
 * called is always known (nothing is served stale). Without tracking (not started yet,
 * connection lost, FLUSHDB, a Redis or proxy that refuses `CLIENT TRACKING`) `sync` answers
 * undefined and the provider reads everything, as it would without this class.
 */
export class QueueChangeTracker {
  readonly #redis: Redis;
  readonly #keyPrefix: string;
  readonly #logger?: LoggerService;
  /** the connection invalidations are redirected to, while tracking is on */
  #invalidations?: Redis;
  /** +1 whenever what was tracked may have been missed (tracking lost, FLUSHDB) */
  #epoch = 0;
  #starting?: Promise<void>;
  #unsupported = false;
  #closed = false;
  /** queues whose keys are all tracked in this epoch (some may be changed since) */
  readonly #registered = new Set<string>();
  /**
   * queues written since they were last read, in this epoch, with the keys written: Redis
   * stops tracking a key once it reported it, so only those are tracked again
   */
  readonly #changed = new Map<string, Set<string>>();

  constructor(options: {
    redis: Redis;
    prefix: string;
    logger?: LoggerService;
  }) {
    this.#redis = options.redis;
    this.#keyPrefix = `${options.prefix}:`;
    this.#logger = options.logger;
    // a reconnected client has no tracking: everything registered before is forgotten
    this.#redis.on('close', () => this.#lose());
    this.#redis.on('ready', () => this.#start());
    this.#start();
  }

  /**
   * Waits until every invalidation sent so far is known; answers the epoch in which cached
   * counts are valid, or undefined when changes are not tracked (then tracking is started
   * again in the background for the next call). Tracking starts when the client is ready;
   * a call while it starts waits for it.
   */
  async sync(): Promise<number | undefined> {
    if (this.#starting) await this.#starting;
    const invalidations = this.#invalidations;
    if (!invalidations) {
      this.#start();
      return undefined;
    }
    const epoch = this.#epoch;
    try {
      await invalidations.ping();
    } catch {
      this.#lose();
      return undefined;
    }
    return this.#invalidations && epoch === this.#epoch ? epoch : undefined;
  }

  /** True when `queue`, read in `epoch`, has not been written since. */
  unchanged(queue: string, epoch: number): boolean {
    return (
      epoch === this.#epoch &&
      this.#registered.has(queue) &&
      !this.#changed.has(queue)
    );
  }

  /**
   * Adds to `pipeline`, before the commands that read `queues`, the commands that track
   * their keys not tracked yet (all keys of a queue new to this epoch, the written ones of
   * a changed queue), and counts the queues as unchanged from now: a write from here on is
   * reported. Answers how many commands it added.
   */
  track(pipeline: ChainableCommander, queues: string[]): number {
    const keys: string[] = [];
    for (const queue of queues) {
      const head = `${this.#keyPrefix}${queue}:`;
      if (!this.#registered.has(queue)) {
        for (const key of QUEUE_KEYS) keys.push(head + key);
        this.#registered.add(queue);
      } else {
        for (const key of this.#changed.get(queue) ?? []) keys.push(head + key);
      }
      this.#changed.delete(queue);
    }
    if (keys.length === 0) return 0;
    pipeline.client('CACHING', 'YES');
    pipeline.exists(...keys);
    return 2;
  }

  /** Stops tracking and closes the second connection. */
  close(): void {
    this.#closed = true;
    this.#lose();
  }

  #lose() {
    this.#forgetAll();
    const invalidations = this.#invalidations;
    this.#invalidations = undefined;
    invalidations?.disconnect();
  }

  /** Nothing registered before counts any more. */
  #forgetAll() {
    this.#epoch += 1;
    this.#registered.clear();
    this.#changed.clear();
  }

  #invalidate(message: unknown) {
    if (!Array.isArray(message)) {
      // FLUSHDB / FLUSHALL (a null message): every key may be gone
      this.#forgetAll();
      return;
    }
    for (const item of message) {
      const key = String(item);
      if (!key.startsWith(this.#keyPrefix)) continue;
      const end = key.indexOf(':', this.#keyPrefix.length);
      if (end < 0) continue;
      const queue = key.slice(this.#keyPrefix.length, end);
      const name = key.slice(end + 1);
      if (!(QUEUE_KEYS as readonly string[]).includes(name)) {
        // not a key this class tracks: track the whole queue anew
        this.#registered.delete(queue);
      }
      const written = this.#changed.get(queue);
      if (written) written.add(name);
      else this.#changed.set(queue, new Set([name]));
    }
  }

  #start() {
    if (this.#starting || this.#unsupported || this.#closed) return;
    if (this.#redis.status !== 'ready') return;
    this.#starting = this.#connect()
      .catch(error => {
        if (error instanceof ReplyError) {
          // e.g. ERR unknown subcommand (Redis < 6, a proxy) or NOPERM (ACL)
          this.#unsupported = true;
          this.#logger?.info(
            `BullMQ overview reads every queue on each call: Redis refused CLIENT TRACKING (${error.message})`,
          );
        }
        // other failures (connection) are retried by the next call
      })
      .finally(() => {
        this.#starting = undefined;
      });
  }

  async #connect() {
    const epoch = this.#epoch;
    const invalidations = this.#redis.duplicate({
      lazyConnect: true,
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 0,
      // never reconnects: a lost connection may have lost invalidations, so it is replaced
      retryStrategy: () => null,
    });
    invalidations.on('error', () => {}); // seen as 'close'
    try {
      await invalidations.connect();
      const id = await invalidations.client('ID');
      invalidations.on('messageBuffer', (_channel: unknown, message: unknown) =>
        this.#invalidate(message),
      );
      await invalidations.subscribe(INVALIDATE_CHANNEL);
      const replies = await this.#redis
        .pipeline()
        .client('TRACKING', 'OFF')
        .client('TRACKING', 'ON', 'REDIRECT', String(id), 'OPTIN')
        .exec();
      const failed = replies?.find(([error]) => error)?.[0];
      if (failed) throw failed;
      if (epoch !== this.#epoch || this.#closed) {
        throw new Error('connection lost while tracking started');
      }
      invalidations.once('close', () => {
        if (this.#invalidations === invalidations) this.#lose();
      });
      this.#invalidations = invalidations;
    } catch (error) {
      invalidations.disconnect();
      throw error;
    }
  }
}
