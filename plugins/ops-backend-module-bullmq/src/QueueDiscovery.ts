import { Redis } from 'ioredis';

const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

/**
 * The names of the BullMQ queues under a prefix: the configured list, or the queues found by
 * SCANning for their `<prefix>:<queue>:meta` hashes (BullMQ writes one when a Queue is created
 * or a job added). A found list is reused for `cacheMs`; after that the next caller still
 * gets it at once while a new SCAN runs in the background, so an overview never waits on a
 * SCAN except the first one.
 */
export class QueueDiscovery {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #cacheMs: number;
  readonly #configured?: string[];
  #cached?: { names: string[]; at: number };
  #scanning?: Promise<string[]>;

  constructor(options: {
    redis: Redis;
    prefix: string;
    cacheMs: number;
    queueNames?: string[];
  }) {
    this.#redis = options.redis;
    this.#prefix = options.prefix;
    this.#cacheMs = options.cacheMs;
    this.#configured = options.queueNames;
  }

  /** The queue names, sorted; `fresh` waits for a new SCAN (used before pausing). */
  async list(options?: { fresh?: boolean }): Promise<string[]> {
    if (this.#configured) return this.#configured;
    if (options?.fresh || !this.#cached) return this.#scan();
    if (Date.now() - this.#cached.at > this.#cacheMs) {
      this.#scan().catch(() => {}); // the next caller sees the outcome
    }
    return this.#cached.names;
  }

  #scan(): Promise<string[]> {
    this.#scanning ??= this.#scanKeys().finally(() => {
      this.#scanning = undefined;
    });
    return this.#scanning;
  }

  async #scanKeys(): Promise<string[]> {
    const head = `${this.#prefix}:`;
    const names = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await this.#redis.scan(
        cursor,
        'MATCH',
        `${escapeGlob(head)}*:meta`,
        'COUNT',
        10_000,
      );
      cursor = next;
      for (const key of keys) {
        const name = key.slice(head.length, -':meta'.length);
        // BullMQ refuses ':' in queue names: such keys belong to something else
        if (name && !name.includes(':')) names.add(name);
      }
    } while (cursor !== '0');
    const sorted = [...names].sort();
    this.#cached = { names: sorted, at: Date.now() };
    return sorted;
  }
}
