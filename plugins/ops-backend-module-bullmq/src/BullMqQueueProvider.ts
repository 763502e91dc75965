import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';
import { QueueJobState } from '@opsconsole/backstage-plugin-ops-common';
import {
  QueueJob,
  QueueProvider,
  QueueSnapshot,
  readDurationMs,
} from '@opsconsole/backstage-plugin-ops-node';
import { Job, JobType, Queue } from 'bullmq';
import { Redis, Result } from 'ioredis';
import { QueueChangeTracker } from './QueueChangeTracker';
import { QueueDiscovery } from './QueueDiscovery';
import {
  EVERY_KEY,
  maskOf,
  parseQueueCounts,
  QUEUE_COUNTS_SCRIPT,
  QUEUE_KEYS,
  QueueCounts,
} from './queueCountsScript';
import { createBullMqRedisClient, whenReady } from './redisClient';
import {
  parseTenantQueuePattern,
  TenantQueuePattern,
} from './tenantQueuePattern';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    opsQueueCounts(
      prefix: string,
      totals: '0' | '1',
      masks: Buffer,
      ...queueNames: string[]
    ): Result<number[], Context>;
  }
}

/** Queues per counts script call: bounds how long one call blocks Redis. */
const QUEUES_PER_SCRIPT_CALL = 250;

/** Which BullMQ job sets hold the jobs of each console state. */
const BULLMQ_TYPES: Record<QueueJobState, JobType[]> = {
  waiting: ['waiting', 'prioritized'],
  active: ['active'],
  delayed: ['delayed'],
  failed: ['failed'],
  completed: ['completed'],
};

/** @public */
export interface BullMqQueueProviderOptions {
  /** A client made with fail-fast options; the provider closes it on {@link BullMqQueueProvider.close}. */
  redis: Redis;
  /** Default `bullmq`. */
  id?: string;
  /** BullMQ key prefix. Default `bull`. */
  prefix?: string;
  /** Default `outbound-email-{tenant}`. */
  tenantQueuePattern?: string;
  /** Fixed list of queues; default: discovered by SCAN. */
  queueNames?: string[];
  /** Default 30 000. */
  discoveryCacheMs?: number;
  /** Default 2000. */
  connectTimeoutMs?: number;
  logger?: LoggerService;
}

/**
 * Reads BullMQ queues straight from Redis: the overview in one pipelined round trip (a Lua
 * script computes counts, paused flags and oldest waiting jobs on the server), re-reading
 * only the keys written since the last read (`QueueChangeTracker`); newest jobs of a
 * tenant; and a per-tenant pause through `Queue.pause()` of the tenant's queues (one queue
 * per tenant, named by `tenantQueuePattern`).
 * @public
 */
export class BullMqQueueProvider implements QueueProvider {
  readonly id: string;
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #pattern: TenantQueuePattern;
  readonly #discovery: QueueDiscovery;
  readonly #connectTimeoutMs: number;
  readonly #logger?: LoggerService;
  readonly #queues = new Map<string, Queue>();
  readonly #changes: QueueChangeTracker;
  /**
   * the counts of each queue as last read (all fields), with the tracking epoch and the
   * number of the last key report when that read was sent
   */
  readonly #read = new Map<
    string,
    {
      counts: QueueCounts;
      snapshot: QueueSnapshot;
      epoch: number;
      sentAt: number;
    }
  >();
  #closed = false;

  /** Undefined when `ops.queues.bullmq` is not configured. */
  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): BullMqQueueProvider | undefined {
    const c = config.getOptionalConfig('ops.queues.bullmq');
    if (!c) return undefined;
    const durationMs = (key: string, fallback: HumanDuration) =>
      readDurationMs(c, key, fallback);
    const connectTimeoutMs = durationMs('connectTimeout', { seconds: 2 });
    let lastError = '';
    const redis = createBullMqRedisClient(c.getString('redisUrl'), {
      connectTimeoutMs,
      onError: error => {
        // one line per distinct failure, not one per reconnect attempt
        if (error.message === lastError) return;
        lastError = error.message;
        options.logger.warn(`BullMQ Redis connection: ${error.message}`);
      },
    });
    redis.on('ready', () => {
      lastError = '';
    });
    return new BullMqQueueProvider({
      redis,
      id: c.getOptionalString('id'),
      prefix: c.getOptionalString('prefix'),
      tenantQueuePattern: c.getOptionalString('tenantQueuePattern'),
      queueNames: c.getOptionalStringArray('queueNames'),
      discoveryCacheMs: durationMs('discoveryCacheTtl', { seconds: 30 }),
      connectTimeoutMs,
      logger: options.logger,
    });
  }

  constructor(options: BullMqQueueProviderOptions) {
    this.id = options.id ?? 'bullmq';
    this.#redis = options.redis;
    this.#prefix = options.prefix ?? 'bull';
    this.#pattern = parseTenantQueuePattern(
      options.tenantQueuePattern ?? 'outbound-email-{tenant}',
    );
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 2000;
    this.#logger = options.logger;
    this.#discovery = new QueueDiscovery({
      redis: this.#redis,
      prefix: this.#prefix,
      cacheMs: options.discoveryCacheMs ?? 30_000,
      queueNames: options.queueNames,
    });
    if (!this.#redis.opsQueueCounts) {
      this.#redis.defineCommand('opsQueueCounts', {
        numberOfKeys: 0,
        lua: QUEUE_COUNTS_SCRIPT,
      });
    }
    this.#changes = new QueueChangeTracker({
      redis: this.#redis,
      prefix: this.#prefix,
      logger: this.#logger,
    });
  }

  /**
   * Every queue with its counts, paused state and oldest waiting job. Of a queue written
   * since its last read only the written keys are read again (Redis tells which:
   * `QueueChangeTracker`), in one pipelined round trip after a PING that makes sure
   * every change before the call is known; every key of every queue while changes are not
   * tracked, and when the cumulative `totals` are asked (the sampler).
   */
  async listQueues(options?: { totals?: boolean }): Promise<QueueSnapshot[]> {
    await this.#ready();
    const names = await this.#discovery.list();
    if (names.length === 0) return [];
    const totals = options?.totals === true;
    const epoch = await this.#changes.sync();
    // counts kept of unchanged queues, taken now (a concurrent call may replace them)
    const answer = new Map<string, QueueSnapshot>();
    const reads: QueueRead[] = [];
    for (const name of names) {
      const kept = this.#read.get(name);
      if (
        epoch === undefined ||
        !kept ||
        kept.epoch !== epoch ||
        !this.#changes.isRegistered(name)
      ) {
        reads.push({ name, mask: EVERY_KEY, register: epoch !== undefined });
        continue;
      }
      const changed = this.#changes.changedSince(name, kept.sentAt);
      if (changed.length === 0 && !totals) {
        answer.set(name, kept.snapshot);
      } else {
        reads.push({
          name,
          mask: totals ? EVERY_KEY : maskOf(changed),
          base: kept.counts,
          changed,
        });
      }
    }
    if (reads.length > 0) {
      const read = await this.#readCounts(reads, totals, epoch);
      for (const [name, snapshot] of read) answer.set(name, snapshot);
    }
    if (this.#read.size > names.length) {
      const listed = new Set(names);
      for (const name of this.#read.keys()) {
        if (!listed.has(name)) this.#read.delete(name);
      }
    }
    return names.map(name => {
      const snapshot = answer.get(name)!;
      const copy: QueueSnapshot = {
        ...snapshot,
        counts: { ...snapshot.counts },
        tenantId: this.#pattern.tenantOf(name),
      };
      if (snapshot.totals) copy.totals = { ...snapshot.totals };
      return copy;
    });
  }

  /**
   * Reads `reads` in one pipelined round trip: the keys of each read's mask, merged into
   * its `base`. With `epoch`, the keys read are registered again first (every key of a
   * queue with `register`, the `changed` ones of the others) and the counts kept for the
   * next calls.
   */
  async #readCounts(
    reads: QueueRead[],
    totals: boolean,
    epoch: number | undefined,
  ): Promise<Map<string, QueueSnapshot>> {
    const sentAt = this.#changes.sequence;
    const pipeline = this.#redis.pipeline();
    const chunks: QueueRead[][] = [];
    const scriptReplies: number[] = [];
    let commands = 0;
    for (let i = 0; i < reads.length; i += QUEUES_PER_SCRIPT_CALL) {
      const chunk = reads.slice(i, i + QUEUES_PER_SCRIPT_CALL);
      chunks.push(chunk);
      if (epoch !== undefined) {
        commands += this.#changes.register(
          pipeline,
          this.#keysToRegister(chunk),
        );
      }
      pipeline.opsQueueCounts(
        this.#prefix,
        totals ? '1' : '0',
        Buffer.from(chunk.map(r => r.mask)),
        ...chunk.map(r => r.name),
      );
      scriptReplies.push(commands);
      commands += 1;
    }
    const replies = await this.#exec(pipeline, commands);
    const result = new Map<string, QueueSnapshot>();
    const kept = epoch !== undefined;
    if (kept) {
      this.#changes.registered(
        reads.filter(r => r.register).map(r => r.name),
        epoch,
      );
    }
    chunks.forEach((chunk, index) => {
      const counts = parseQueueCounts(
        chunk.map(r => r.name),
        replies[scriptReplies[index]],
        totals,
      );
      chunk.forEach((read, k) => {
        const { totals: readTotals, ...fields } = counts[k];
        const merged = read.base ? { ...read.base, ...fields } : fields;
        const snapshot = toSnapshot(read.name, merged);
        result.set(
          read.name,
          readTotals ? { ...snapshot, totals: readTotals } : snapshot,
        );
        if (kept) this.#keep(read.name, merged, snapshot, epoch, sentAt);
      });
    });
    return result;
  }

  /** Keeps a read for the next calls, unless one sent later is kept already. */
  #keep(
    name: string,
    counts: QueueCounts,
    snapshot: QueueSnapshot,
    epoch: number,
    sentAt: number,
  ) {
    const kept = this.#read.get(name);
    if (kept && kept.epoch === epoch && kept.sentAt > sentAt) return;
    this.#read.set(name, { counts, snapshot, epoch, sentAt });
  }

  #keysToRegister(reads: QueueRead[]): string[] {
    const keys: string[] = [];
    for (const read of reads) {
      const head = `${this.#prefix}:${read.name}:`;
      for (const key of read.register ? QUEUE_KEYS : read.changed ?? []) {
        keys.push(head + key);
      }
    }
    return keys;
  }

  /** Runs a pipeline of `count` commands; the replies, or the first error. */
  async #exec(
    pipeline: ReturnType<Redis['pipeline']>,
    count: number,
  ): Promise<unknown[]> {
    const replies = (await pipeline.exec()) ?? [];
    return Array.from({ length: count }, (_, index) => {
      const [error, reply] = replies[index] ?? [new Error('no reply')];
      if (error) throw error;
      return reply;
    });
  }

  async listTenantJobs(
    tenantId: string,
    options: { limit: number; states?: QueueJobState[] },
  ): Promise<QueueJob[]> {
    const limit = Math.max(0, Math.floor(options.limit));
    if (limit === 0) return [];
    const states =
      options.states ?? (Object.keys(BULLMQ_TYPES) as QueueJobState[]);
    const queues = await this.#tenantQueues(tenantId, false);
    const perState = await Promise.all(
      queues.flatMap(queue =>
        states.map(async state => {
          const jobs = await queue.getJobs(
            BULLMQ_TYPES[state],
            0,
            limit - 1,
            false,
          );
          return jobs
            .filter((job): job is Job => Boolean(job))
            .map(job => toQueueJob(job, queue.name, state));
        }),
      ),
    );
    return perState
      .flat()
      .sort((a, b) => b.enqueuedAt.localeCompare(a.enqueuedAt))
      .slice(0, limit);
  }

  async pauseTenant(tenantId: string): Promise<boolean> {
    const queues = await this.#tenantQueues(tenantId, true);
    await Promise.all(queues.map(queue => queue.pause()));
    return queues.length > 0;
  }

  async resumeTenant(tenantId: string): Promise<boolean> {
    const queues = await this.#tenantQueues(tenantId, true);
    await Promise.all(queues.map(queue => queue.resume()));
    return queues.length > 0;
  }

  /** Closes the Queue objects and the Redis connection. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#changes.close();
    await Promise.allSettled([...this.#queues.values()].map(q => q.close()));
    this.#queues.clear();
    if (this.#redis.status === 'ready') {
      await this.#redis.quit().catch(() => this.#redis.disconnect());
    } else {
      this.#redis.disconnect();
    }
  }

  /**
   * The BullMQ queues of a tenant. `fresh` rediscovers first (pause and resume must not miss
   * a queue created since the last SCAN); otherwise the cached list is used and rediscovered
   * only when it holds none of the tenant's queues.
   */
  async #tenantQueues(tenantId: string, fresh: boolean): Promise<Queue[]> {
    await this.#ready();
    const ofTenant = (names: string[]) =>
      names.filter(name => this.#pattern.tenantOf(name) === tenantId);
    let names = ofTenant(await this.#discovery.list({ fresh }));
    if (names.length === 0 && !fresh) {
      names = ofTenant(await this.#discovery.list({ fresh: true }));
    }
    return names.map(name => this.#queue(name));
  }

  async #ready() {
    if (this.#closed) {
      throw new ServiceUnavailableError(
        `Queue source ${this.id} is closed (connection closed)`,
      );
    }
    await whenReady(this.#redis, this.#connectTimeoutMs);
  }

  #queue(name: string): Queue {
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.#redis,
        prefix: this.#prefix,
        skipMetasUpdate: true,
        skipVersionCheck: true,
      });
      queue.on('error', error =>
        this.#logger?.warn(`BullMQ queue ${name}: ${error.message}`),
      );
      this.#queues.set(name, queue);
    }
    return queue;
  }
}

function toQueueJob(
  job: Job,
  queueName: string,
  state: QueueJobState,
): QueueJob {
  return {
    id: String(job.id),
    queueName,
    name: job.name,
    state,
    enqueuedAt: new Date(job.timestamp).toISOString(),
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason || undefined,
    data: job.data,
  };
}

/** One queue to read: the keys of `mask`, merged into `base` (the counts kept of it). */
interface QueueRead {
  name: string;
  mask: number;
  base?: QueueCounts;
  /** register every key of the queue (not registered in this epoch yet) */
  register?: boolean;
  /** the keys reported since `base` was read: registered again */
  changed?: string[];
}

/** The overview's snapshot of a queue from its counts (every field read); no tenant yet. */
function toSnapshot(name: string, counts: QueueCounts): QueueSnapshot {
  const times = [counts.waitOldest, counts.prioritizedOldest].filter(
    (time): time is number => typeof time === 'number',
  );
  const snapshot: QueueSnapshot = {
    name,
    tenantId: undefined,
    counts: {
      waiting: (counts.wait ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
    },
    paused: counts.paused === true,
    oldestWaitingAt: times.length
      ? new Date(Math.min(...times)).toISOString()
      : undefined,
  };
  if (counts.totals) snapshot.totals = { ...counts.totals };
  return snapshot;
}
