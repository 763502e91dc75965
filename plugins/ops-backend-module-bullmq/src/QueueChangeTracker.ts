import { LoggerService } from '@backstage/backend-plugin-api';
import { randomBytes } from 'node:crypto';
import { ChainableCommander, Redis, ReplyError } from 'ioredis';
import { QUEUE_KEYS } from './queueCountsScript';

/** The channel Redis publishes key invalidations on for a `REDIRECT` tracking client. */
const INVALIDATE_CHANNEL = '__redis__:invalidate';

/** After a failed start, tracking is tried again no sooner than this. */
const RETRY_START_MS = 5_000;

/** A read's registration of keys, made by {@link QueueChangeTracker.track}. */
export interface TrackedRead {
  /** Commands it added to the pipeline (0 or 2). */
  commands: number;
  /** The version of each queue when the read was sent (see {@link QueueChangeTracker.unchanged}). */
  versions: Map<string, number>;
  /** Call once the pipeline succeeded: the keys sent are tracked by Redis from then on. */
  commit(): void;
}

/**
 * Which queues may have changed since they were last read, told by Redis itself: Redis
 * server-assisted client-side caching (`CLIENT TRACKING ... OPTIN`, Redis 6+). Before the
 * counts of queues are read, the same pipeline registers their {@link QUEUE_KEYS}
 * (`CLIENT CACHING YES` + `EXISTS <keys>`); from then on any write to one of those keys, by
 * any client (BullMQ workers and producers, a drain, a manual edit, an expiry), makes Redis
 * send the key name to a second connection of ours, which moves the queue's version.
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
  /** +1 per invalidation received */
  #sequence = 0;
  /** the sequence number of the last invalidation of each queue */
  readonly #versions = new Map<string, number>();
  /** queues whose keys were all registered in this epoch */
  readonly #registered = new Set<string>();
  /**
   * keys Redis reported (and so stopped tracking) since they were registered, by queue, with
   * the sequence number of the report: a read registers them again
   */
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

  /** The queue's version: it moves with every write Redis reports. */
  version(queue: string): number {
    return this.#versions.get(queue) ?? 0;
  }

  /**
   * True when `queue`, read in `epoch` at `version` (the {@link TrackedRead.versions} of
   * that read), has not been written since.
   */
  unchanged(queue: string, epoch: number, version: number): boolean {
    return (
      epoch === this.#epoch &&
      this.#registered.has(queue) &&
      this.version(queue) === version
    );
  }

  /**
   * Adds to `pipeline`, before the commands that read `queues`, the commands that register
   * their keys Redis does not track: all keys of a queue new to this epoch, the reported
   * ones of the others. Nothing is taken as registered before {@link TrackedRead.commit}.
   */
  track(pipeline: ChainableCommander, queues: string[]): TrackedRead {
    const epoch = this.#epoch;
    const sentAt = this.#sequence;
    const keys: string[] = [];
    const versions = new Map<string, number>();
    const added: string[] = [];
    for (const queue of queues) {
      versions.set(queue, this.version(queue));
      const head = `${this.#keyPrefix}${queue}:`;
      if (!this.#registered.has(queue)) {
        for (const key of QUEUE_KEYS) keys.push(head + key);
        added.push(queue);
      } else {
        for (const key of this.#reported.get(queue)?.keys() ?? []) {
          keys.push(head + key);
        }
      }
    }
    if (keys.length > 0) {
      pipeline.client('CACHING', 'YES');
      pipeline.exists(...keys);
    }
    return {
      commands: keys.length > 0 ? 2 : 0,
      versions,
      commit: () => {
        if (epoch !== this.#epoch) return;
        for (const queue of added) this.#registered.add(queue);
        for (const queue of queues) {
          const reported = this.#reported.get(queue);
          if (!reported) continue;
          // a key reported after the read was sent may be untracked again: keep it
          for (const [key, at] of reported) {
            if (at <= sentAt) reported.delete(key);
          }
          if (reported.size === 0) this.#reported.delete(queue);
        }
      },
    };
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
      this.#sequence += 1;
      this.#versions.set(queue, this.#sequence);
      if (!(QUEUE_KEYS as readonly string[]).includes(name)) {
        // not a key this class registers: register the whole queue anew
        this.#registered.delete(queue);
        continue;
      }
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
