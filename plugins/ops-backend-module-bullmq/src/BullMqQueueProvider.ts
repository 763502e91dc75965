import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import { QueueJobState } from '@opsconsole/backstage-plugin-ops-common';
import {
  QueueJob,
  QueueProvider,
  QueueSnapshot,
} from '@opsconsole/backstage-plugin-ops-node';
import { Job, JobType, Queue } from 'bullmq';
import { Redis, Result } from 'ioredis';
import { QueueChangeTracker, TrackedRead } from './QueueChangeTracker';
import { QueueDiscovery } from './QueueDiscovery';
import { parseQueueCounts, QUEUE_COUNTS_SCRIPT } from './queueCountsScript';
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
 * Reads BullMQ queues straight from Redis: counts of every queue in one pipelined round trip
 * (a Lua script computes them on the server; enqueue times of the oldest waiting jobs come
 * from a cache, those not cached in a second round trip), newest jobs of a tenant, and a
 * per-tenant pause through `Queue.pause()` of the tenant's queues (one queue per tenant,
 * named by `tenantQueuePattern`).
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
  /** the last counts read of each queue, with the tracking epoch and queue version read at */
  readonly #read = new Map<
    string,
    { snapshot: QueueSnapshot; epoch: number; version: number }
  >();
  #closed = false;

  /** Undefined when `ops.queues.bullmq` is not configured. */
  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): BullMqQueueProvider | undefined {
    const c = config.getOptionalConfig('ops.queues.bullmq');
    if (!c) return undefined;
    const connectTimeoutMs = c.getOptionalNumber('connectTimeoutMs') ?? 2000;
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
      discoveryCacheMs:
        (c.getOptionalNumber('discoveryCacheSeconds') ?? 30) * 1000,
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
   * Every queue with its counts, paused state and oldest waiting job. Only queues written
   * since their last read are read again (Redis tells which: {@link QueueChangeTracker}),
   * in one pipelined round trip after a PING that makes sure every change before the call is
   * known; all of them while changes are not tracked, and when the cumulative `totals` are
   * asked (the sampler).
   */
  async listQueues(options?: { totals?: boolean }): Promise<QueueSnapshot[]> {
    await this.#ready();
    const names = await this.#discovery.list();
    if (names.length === 0) return [];
    const totals = options?.totals === true;
    const epoch = await this.#changes.sync();
    // the counts kept of unchanged queues, taken now (a concurrent call may replace them)
    const answer = new Map<string, QueueSnapshot>();
    const stale: string[] = [];
    for (const name of names) {
      const read = this.#read.get(name);
      if (
        !totals &&
        epoch !== undefined &&
        read &&
        this.#changes.unchanged(name, read.epoch, read.version)
      ) {
        answer.set(name, read.snapshot);
      } else {
        stale.push(name);
      }
    }
    if (stale.length > 0) {
      for (const snapshot of await this.#readCounts(stale, totals, epoch)) {
        answer.set(snapshot.name, snapshot);
      }
    }
    if (this.#read.size > names.length) {
      const listed = new Set(names);
      for (const name of this.#read.keys()) {
        if (!listed.has(name)) this.#read.delete(name);
      }
    }
    return names.map(name => {
      const snapshot = answer.get(name)!;
      return {
        ...snapshot,
        counts: { ...snapshot.counts },
        totals: snapshot.totals && { ...snapshot.totals },
        tenantId: this.#pattern.tenantOf(name),
      };
    });
  }

  /**
   * Reads the counts of `names` in one pipelined round trip; with `epoch`, their keys are
   * tracked from then on and the counts kept for the next calls.
   */
  async #readCounts(
    names: string[],
    totals: boolean,
    epoch: number | undefined,
  ): Promise<QueueSnapshot[]> {
    const pipeline = this.#redis.pipeline();
    const chunks: string[][] = [];
    const tracked: TrackedRead[] = [];
    const scriptReplies: number[] = [];
    let commands = 0;
    for (let i = 0; i < names.length; i += QUEUES_PER_SCRIPT_CALL) {
      const chunk = names.slice(i, i + QUEUES_PER_SCRIPT_CALL);
      chunks.push(chunk);
      if (epoch !== undefined) {
        const read = this.#changes.track(pipeline, chunk);
        tracked.push(read);
        commands += read.commands;
      }
      pipeline.opsQueueCounts(this.#prefix, totals ? '1' : '0', ...chunk);
      scriptReplies.push(commands);
      commands += 1;
    }
    const replies = await this.#exec(pipeline, commands);
    const snapshots = chunks.flatMap((chunk, index) =>
      parseQueueCounts(chunk, replies[scriptReplies[index]], totals),
    );
    if (epoch !== undefined) {
      for (const read of tracked) read.commit();
      const versions = new Map(tracked.flatMap(read => [...read.versions]));
      for (const snapshot of snapshots) {
        const { totals: _, ...counts } = snapshot;
        this.#read.set(snapshot.name, {
          snapshot: counts,
          epoch,
          version: versions.get(snapshot.name)!,
        });
      }
    }
    return snapshots;
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
