import {
  Job,
  JobType,
  MetricsTime,
  Queue,
  UnrecoverableError,
  Worker,
} from 'bullmq';
import IORedis from 'ioredis';
import {
  AdminApiQueueJob,
  AdminApiQueueJobState,
  AdminApiQueueSnapshot,
} from '../adminApi/types';
import { PlatformRepository } from '../db/repository';
import { PlatformLogger } from '../logger';
import { toNewMessage } from './emailRows';
import { outboundQueueName, SEND_EMAIL_JOB } from './queueNames';
import { QueueUnavailableError } from './QueueUnavailableError';
import {
  OutboundEmail,
  OutboundQueue,
  OutboundWorkerOptions,
  StoppableWorker,
} from './types';

/** Default BullMQ key prefix. @public */
export const DEFAULT_REDIS_QUEUE_PREFIX = 'bull';

/** Completed jobs BullMQ keeps per tenant queue (older ones are removed). */
export const KEEP_COMPLETED_JOBS = 1000;

/** Failed jobs BullMQ keeps per tenant queue. */
export const KEEP_FAILED_JOBS = 5000;

/** How long a request waits for Redis to be connected by default. */
export const DEFAULT_REDIS_READY_TIMEOUT_MS = 2000;

/** Error codes and messages of ioredis when the server cannot be reached. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

function isConnectionError(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string };
  return (
    e?.name === 'MaxRetriesPerRequestError' ||
    CONNECTION_ERROR_CODES.has(e?.code ?? '') ||
    e?.message === 'Connection is closed.'
  );
}

/** BullMQ job types of each state the contract counts. */
const JOB_TYPES: Record<AdminApiQueueJobState, JobType[]> = {
  waiting: ['wait', 'prioritized'],
  active: ['active'],
  delayed: ['delayed'],
  failed: ['failed'],
  completed: ['completed'],
};

/** Options of {@link BullMqOutboundQueue}. */
export interface BullMqOutboundQueueOptions {
  /** e.g. `redis://127.0.0.1:6379` */
  url: string;
  /** BullMQ key prefix. Default `bull`. */
  prefix?: string;
  /**
   * How long a request waits for Redis to be connected before it fails with
   * {@link QueueUnavailableError}. Default {@link DEFAULT_REDIS_READY_TIMEOUT_MS}.
   */
  readyTimeoutMs?: number;
  repository: PlatformRepository;
  logger: PlatformLogger;
}

/**
 * The outbound queues in Redis: one BullMQ queue per tenant
 * (`<prefix>:outbound-email-<tenantId>:*`). Any process with the same URL
 * and prefix sees the same queues, so the api role reads and pauses what
 * the worker role's BullMQ Workers drain: `Queue.pause()` on a tenant's
 * queue stops its Worker and nobody else's. Workers record every delivery
 * in the platform database (messages, deliverability) and collect BullMQ
 * metrics, so completed and failed totals exist.
 *
 * While Redis cannot be reached, every operation fails with
 * {@link QueueUnavailableError} (after waiting `readyTimeoutMs` for the
 * connection) instead of hanging until Redis is back: an operation is only
 * sent once the connection is ready, so nothing takes effect after the caller
 * was told it failed.
 */
export class BullMqOutboundQueue implements OutboundQueue {
  readonly kind = 'bullmq';
  readonly prefix: string;
  readonly #url: string;
  readonly #readyTimeoutMs: number;
  readonly #connection: IORedis;
  /** The connection's latest error while it is not ready. */
  #connectionError = '';
  readonly #repository: PlatformRepository;
  readonly #logger: PlatformLogger;
  readonly #queues = new Map<string, Queue>();
  readonly #workerConnections: IORedis[] = [];

  constructor(options: BullMqOutboundQueueOptions) {
    this.#url = options.url;
    this.prefix = options.prefix || DEFAULT_REDIS_QUEUE_PREFIX;
    this.#repository = options.repository;
    this.#logger = options.logger;
    this.#readyTimeoutMs =
      options.readyTimeoutMs ?? DEFAULT_REDIS_READY_TIMEOUT_MS;
    // requests fail instead of waiting forever while Redis is down
    this.#connection = this.#connect({ maxRetriesPerRequest: 1 });
    this.#connection.on('error', (error: Error) => {
      this.#connectionError = error.message;
    });
    this.#connection.on('ready', () => {
      this.#connectionError = '';
    });
  }

  /** The URL without credentials, for messages. */
  #safeUrl(): string {
    return this.#url.replace(/\/\/[^@/]*@/, '//***@');
  }

  #unavailable(detail: string): QueueUnavailableError {
    return new QueueUnavailableError(
      `The outbound queues are unavailable: Redis at ${this.#safeUrl()} ${detail}; retry later`,
    );
  }

  #isReady(): boolean {
    return this.#connection.status === 'ready';
  }

  /** Resolves once the connection is ready; fails after `readyTimeoutMs`. */
  async #ready(): Promise<void> {
    const connection = this.#connection;
    if (this.#isReady()) {
      return;
    }
    if (connection.status !== 'end') {
      await new Promise<void>(resolve => {
        let timer: NodeJS.Timeout | undefined = undefined;
        const done = () => {
          clearTimeout(timer);
          connection.off('ready', done);
          resolve();
        };
        timer = setTimeout(done, this.#readyTimeoutMs);
        connection.once('ready', done);
      });
    }
    if (!this.#isReady()) {
      throw this.#unavailable(
        `is not connected (${
          this.#connectionError || connection.status
        }, waited ${this.#readyTimeoutMs} ms)`,
      );
    }
  }

  /**
   * Runs `operation` once Redis is connected; a failure of the connection
   * during it is a {@link QueueUnavailableError}.
   */
  async #available<T>(operation: () => Promise<T>): Promise<T> {
    await this.#ready();
    try {
      return await operation();
    } catch (error) {
      if (isConnectionError(error) || !this.#isReady()) {
        throw this.#unavailable(
          `failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      throw error;
    }
  }

  #connect(options: { maxRetriesPerRequest: number | null }): IORedis {
    const connection = new IORedis(this.#url, options);
    let lastError = '';
    connection.on('error', (error: Error) => {
      if (error.message !== lastError) {
        lastError = error.message;
        this.#logger.warn(`redis ${this.#safeUrl()}: ${error.message}`);
      }
    });
    connection.on('ready', () => {
      lastError = '';
    });
    return connection;
  }

  #queue(tenantId: string): Queue {
    let queue = this.#queues.get(tenantId);
    if (!queue) {
      queue = new Queue(outboundQueueName(tenantId), {
        connection: this.#connection,
        prefix: this.prefix,
        defaultJobOptions: {
          removeOnComplete: { count: KEEP_COMPLETED_JOBS },
          removeOnFail: { count: KEEP_FAILED_JOBS },
        },
      });
      // the connection's own listener logs its errors; without a listener BullMQ prints them
      queue.on('error', () => {});
      this.#queues.set(tenantId, queue);
    }
    return queue;
  }

  #tenantIds(): string[] {
    return this.#repository.listTenants().map(t => t.id);
  }

  async enqueue(emails: readonly OutboundEmail[]): Promise<number> {
    const byTenant = new Map<string, OutboundEmail[]>();
    for (const email of emails) {
      byTenant.set(email.tenantId, [
        ...(byTenant.get(email.tenantId) ?? []),
        email,
      ]);
    }
    await this.#available(() =>
      Promise.all(
        [...byTenant].map(([tenantId, batch]) =>
          this.#queue(tenantId).addBulk(
            batch.map(data => ({ name: SEND_EMAIL_JOB, data })),
          ),
        ),
      ),
    );
    return emails.length;
  }

  async queueBacklog() {
    const snapshots = await this.snapshots();
    const oldest = snapshots
      .map(s => s.oldestWaitingAt)
      .filter((at): at is string => !!at)
      .sort()[0];
    return {
      count: snapshots.reduce((sum, s) => sum + s.counts.waiting, 0),
      oldestQueuedAt: oldest ?? null,
    };
  }

  snapshots(): Promise<AdminApiQueueSnapshot[]> {
    return this.#available(() => this.#snapshots());
  }

  async #snapshots(): Promise<AdminApiQueueSnapshot[]> {
    const tenantIds = this.#tenantIds();
    const enqueued = tenantIds.length
      ? await this.#connection.mget(
          tenantIds.map(id => `${this.prefix}:${outboundQueueName(id)}:id`),
        )
      : [];
    return Promise.all(
      tenantIds.map(async (tenantId, i) => {
        const queue = this.#queue(tenantId);
        const [counts, paused, oldest, completed, failed] = await Promise.all([
          queue.getJobCounts(
            'wait',
            'prioritized',
            'active',
            'delayed',
            'failed',
            'completed',
          ),
          queue.isPaused(),
          queue.getJobs(['wait'], 0, 0, true),
          queue.getMetrics('completed', 0, 0),
          queue.getMetrics('failed', 0, 0),
        ]);
        return {
          name: queue.name,
          tenantId,
          counts: {
            waiting: (counts.wait ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
            completed: counts.completed ?? 0,
          },
          paused,
          ...(oldest[0]
            ? { oldestWaitingAt: new Date(oldest[0].timestamp).toISOString() }
            : {}),
          totals: {
            enqueued: Number(enqueued[i] ?? 0),
            completed: completed.meta.count,
            failed: failed.meta.count,
          },
        };
      }),
    );
  }

  jobs(
    tenantId: string,
    options: { limit: number; states: readonly AdminApiQueueJobState[] },
  ): Promise<AdminApiQueueJob[]> {
    return this.#available(() => this.#jobs(tenantId, options));
  }

  async #jobs(
    tenantId: string,
    options: { limit: number; states: readonly AdminApiQueueJobState[] },
  ): Promise<AdminApiQueueJob[]> {
    const queue = this.#queue(tenantId);
    const perState = await Promise.all(
      options.states.map(async state => {
        const jobs = await queue.getJobs(
          JOB_TYPES[state],
          0,
          options.limit - 1,
          false,
        );
        return jobs.map(job => toQueueJob(queue.name, state, job));
      }),
    );
    return perState
      .flat()
      .sort(
        (a, b) =>
          b.enqueuedAt.localeCompare(a.enqueuedAt) ||
          Number(b.id) - Number(a.id),
      )
      .slice(0, options.limit);
  }

  async pause(tenantId: string) {
    await this.#available(() => this.#queue(tenantId).pause());
  }

  async resume(tenantId: string) {
    await this.#available(() => this.#queue(tenantId).resume());
  }

  isPaused(tenantId: string) {
    return this.#available(() => this.#queue(tenantId).isPaused());
  }

  startWorker(options: OutboundWorkerOptions): StoppableWorker {
    // BullMQ Workers need a connection that retries forever
    const connection = this.#connect({ maxRetriesPerRequest: null });
    this.#workerConnections.push(connection);
    const workers = this.#tenantIds().map(tenantId => {
      const worker = new Worker<OutboundEmail>(
        outboundQueueName(tenantId),
        async (job: Job<OutboundEmail>) => {
          const result = options.decide(job.data);
          this.#repository.recordDelivery(
            toNewMessage(job.data),
            result,
            new Date(job.timestamp),
          );
          if (typeof result !== 'string') {
            throw new UnrecoverableError(result.failedReason);
          }
          return { outcome: result };
        },
        {
          connection,
          prefix: this.prefix,
          limiter: { max: options.batchSize, duration: options.intervalMs },
          metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
          removeOnComplete: { count: KEEP_COMPLETED_JOBS },
          removeOnFail: { count: KEEP_FAILED_JOBS },
        },
      );
      worker.on('error', error =>
        options.logger.warn(`worker of ${worker.name} failed`, {
          error: String(error),
        }),
      );
      return worker;
    });
    return {
      async stop() {
        await Promise.all(workers.map(worker => worker.close()));
      },
    };
  }

  async close() {
    await Promise.all([...this.#queues.values()].map(queue => queue.close()));
    this.#queues.clear();
    await Promise.all(
      [this.#connection, ...this.#workerConnections.splice(0)].map(c =>
        c.quit().catch(() => c.disconnect()),
      ),
    );
  }
}

function toQueueJob(
  queueName: string,
  state: AdminApiQueueJobState,
  job: Job<OutboundEmail>,
): AdminApiQueueJob {
  return {
    id: String(job.id),
    queueName,
    name: job.name,
    state,
    enqueuedAt: new Date(job.timestamp).toISOString(),
    attemptsMade: job.attemptsMade,
    ...(job.failedReason ? { failedReason: job.failedReason } : {}),
    data: job.data,
  };
}
