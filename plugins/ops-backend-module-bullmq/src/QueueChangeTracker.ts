import { LoggerService } from '@backstage/backend-plugin-api';
import { randomBytes } from 'node:crypto';
import { ChainableCommander, Redis, ReplyError } from 'ioredis';
import { QUEUE_KEYS } from './queueCountsScript';

/** The channel Redis publishes key invalidations on for a `REDIRECT` tracking client. */
const INVALIDATE_CHANNEL = '__redis__:invalidate';

/** After a failed start, tracking is tried again no sooner than this. */
const RETRY_START_MS = 5_000;

/**
 * Which queues may have changed since they were last read, told by Redis itself: Redis
 * server-assisted client-side caching (`CLIENT TRACKING ... OPTIN`, Redis 6+). Before the
 * counts of queues are read, the same pipeline registers their {@link QUEUE_KEYS}
 * (`CLIENT CACHING YES` + `EXISTS <keys>`); from then on any write to one of those keys, by
 * any client (BullMQ workers and producers, a drain, a manual edit, an expiry), makes Redis
 * send the key name to a second connection of ours, numbered in the order received: a queue
 * read when that number was N has changed since when a key of it was reported after N.
 *
 * {@link QueueChangeTracker.sync} is the barrier: a PING on that second connection, answered
 * after every invalidation Redis sent before it, so a write that finished before `sync` was
 * called is always known (nothing is served stale). Without tracking (starting, connection
 * lost, FLUSHDB, a Redis or proxy that refuses `CLIENT TRACKING`) `sync` answers undefined
 * and the provider reads everything, as it would without this class.
 */
export class QueueChangeTracker {
  readonly #redis: Redis;
  readonly #keyPrefix: string;
  readonly #logger?: LoggerService;
  readonly #onClose = () => this.#lose();
  readonly #onReady = () => this.#start();
  /** the connection invalidations are redirected to, while tracking is on */
  #invalidations?: Redis;
  /** +1 whenever what was tracked may have been missed (tracking lost, FLUSHDB) */
  #epoch = 0;
  #starting?: Promise<void>;
  #retryAt = 0;
  #unsupported = false;
  #closed = false;
  /** the key name of the start's self-test, and whether its invalidation arrived */
  #probe?: { key: string; seen: boolean };
  /** +1 per key reported */
  #sequence = 0;
  /** queues whose keys were all registered in this epoch */
  readonly #registered = new Set<string>();
  /** by queue, the number of the last report of each of its keys */
  readonly #reported = new Map<string, Map<string, number>>();

  constructor(options: {
    redis: Redis;
    prefix: string;
    logger?: LoggerService;
  }) {
    this.#redis = options.redis;
    this.#keyPrefix = `${options.prefix}:`;
    this.#logger = options.logger;
    // a reconnected client has no tracking: everything registered before is forgotten
    this.#redis.on('close', this.#onClose);
    this.#redis.on('ready', this.#onReady);
    this.#start();
  }

  /**
   * Waits until every invalidation sent so far is known; answers the epoch in which kept
   * counts are valid, or undefined when changes are not tracked (yet): tracking starts when
   * the client is ready, in the background, and never makes a call wait.
   */
  async sync(): Promise<number | undefined> {
    const invalidations = this.#invalidations;
    if (!invalidations) {
      this.#start();
      return undefined;
    }
    const epoch = this.#epoch;
    try {
      await invalidations.ping();
    } catch {
      if (this.#invalidations === invalidations) this.#lose();
      return undefined;
    }
    return this.#invalidations && epoch === this.#epoch ? epoch : undefined;
  }

  /** The number of the last report received: a read sent now sees every write up to it. */
  get sequence(): number {
    return this.#sequence;
  }

  /** True when every key of `queue` was registered in this epoch. */
  isRegistered(queue: string): boolean {
    return this.#registered.has(queue);
  }

  /**
   * The keys of `queue` reported after report number `since` (Redis stopped tracking them,
   * a read registers them again).
   */
  changedSince(queue: string, since: number): string[] {
    const changed: string[] = [];
    for (const [key, at] of this.#reported.get(queue) ?? []) {
      if (at > since) changed.push(key);
    }
    return changed;
  }

  /**
   * Adds to `pipeline`, before the commands that read them, the commands that register
   * `keys` (full key names); answers how many commands it added.
   */
  register(pipeline: ChainableCommander, keys: string[]): number {
    if (keys.length === 0) return 0;
    pipeline.client('CACHING', 'YES');
    pipeline.exists(...keys);
    return 2;
  }

  /** Marks the keys of `queues` registered by a read of `epoch` that succeeded. */
  registered(queues: string[], epoch: number): void {
    if (epoch !== this.#epoch) return;
    for (const queue of queues) this.#registered.add(queue);
  }

  /** Stops tracking and closes the second connection. */
  close(): void {
    this.#closed = true;
    this.#redis.off('close', this.#onClose);
    this.#redis.off('ready', this.#onReady);
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
    this.#reported.clear();
  }

  #invalidate(message: unknown) {
    if (!Array.isArray(message)) {
      // FLUSHDB / FLUSHALL (a null message): every key may be gone
      this.#forgetAll();
      return;
    }
    for (const item of message) {
      const key = String(item);
      if (this.#probe && key === this.#probe.key) this.#probe.seen = true;
      if (!key.startsWith(this.#keyPrefix)) continue;
      const end = key.indexOf(':', this.#keyPrefix.length);
      if (end < 0) continue;
      const queue = key.slice(this.#keyPrefix.length, end);
      const name = key.slice(end + 1);
      if (!(QUEUE_KEYS as readonly string[]).includes(name)) {
        // not a key this class registers: register and read the whole queue anew
        this.#registered.delete(queue);
        continue;
      }
      this.#sequence += 1;
      let reported = this.#reported.get(queue);
      if (!reported) {
        reported = new Map();
        this.#reported.set(queue, reported);
      }
      reported.set(name, this.#sequence);
    }
  }

  #start() {
    if (this.#starting || this.#unsupported || this.#closed) return;
    if (this.#redis.status !== 'ready' || Date.now() < this.#retryAt) return;
    this.#starting = this.#connect()
      .catch(error => {
        const message = String((error as Error)?.message ?? error);
        if (
          error instanceof ReplyError &&
          /^(NOPERM|ERR unknown)/i.test(message)
        ) {
          // Redis < 6, a proxy, or an ACL without `client`
          this.#unsupported = true;
          this.#logger?.info(
            `BullMQ overview reads every queue on each call: Redis refused CLIENT TRACKING (${message})`,
          );
        } else {
          this.#retryAt = Date.now() + RETRY_START_MS;
          this.#logger?.debug(
            `BullMQ change tracking did not start, retrying later: ${message}`,
          );
        }
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
      // self-test: a key registered, then written, must be reported to `invalidations` (it
      // is not when both connections do not reach the same server, e.g. behind a proxy)
      const probe = {
        key: `ops-console:tracking-probe:${randomBytes(8).toString('hex')}`,
        seen: false,
      };
      this.#probe = probe;
      const replies = await this.#redis
        .pipeline()
        .client('TRACKING', 'OFF')
        .client('TRACKING', 'ON', 'REDIRECT', String(id), 'OPTIN')
        .client('CACHING', 'YES')
        .get(probe.key)
        .set(probe.key, '1', 'PX', 60_000)
        .del(probe.key)
        .exec();
      const failed = replies?.find(([error]) => error)?.[0];
      if (failed) throw failed;
      await invalidations.ping();
      this.#probe = undefined;
      if (!probe.seen) {
        throw new Error('the self-test key was not reported');
      }
      if (
        epoch !== this.#epoch ||
        this.#closed ||
        invalidations.status !== 'ready'
      ) {
        throw new Error('connection lost while tracking started');
      }
      invalidations.once('close', () => {
        if (this.#invalidations === invalidations) this.#lose();
      });
      this.#invalidations = invalidations;
    } catch (error) {
      this.#probe = undefined;
      invalidations.disconnect();
      throw error;
    }
  }
}
