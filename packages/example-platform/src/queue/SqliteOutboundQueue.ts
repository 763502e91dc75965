import { AdminApiQueueJob, AdminApiQueueJobState } from '../adminApi/types';
import { QueueRepository } from '../db/QueueRepository';
import { PlatformRepository } from '../db/repository';
import { MessageStatus } from '../db/types';
import { startRepeating } from '../traffic/repeat';
import { emailOfRow, toNewMessage } from './emailRows';
import { outboundQueueName, SEND_EMAIL_JOB } from './queueNames';
import {
  OutboundEmail,
  OutboundQueue,
  OutboundWorkerOptions,
  StoppableWorker,
} from './types';

/** Message statuses of each job state (SQLite jobs are never active or delayed). */
const STATUSES: Record<AdminApiQueueJobState, MessageStatus[]> = {
  waiting: ['queued'],
  active: [],
  delayed: [],
  failed: ['failed'],
  completed: ['sent', 'bounced', 'complained'],
};

function stateOf(status: MessageStatus): AdminApiQueueJobState {
  if (status === 'queued') {
    return 'waiting';
  }
  return status === 'failed' ? 'failed' : 'completed';
}

/**
 * The outbound queues without Redis: rows of the `messages` table (status
 * `queued` waits), pauses in `queue_pauses`, totals in `queue_totals`.
 * Every role process sharing the database file sees the same queues, so the
 * api role pauses what the worker role drains. Completed and failed jobs are
 * kept until the scheduler prunes them (24 hours by default).
 */
export class SqliteOutboundQueue implements OutboundQueue {
  readonly kind = 'sqlite';
  readonly #repository: PlatformRepository;
  readonly #queues: QueueRepository;

  constructor(repository: PlatformRepository, queues: QueueRepository) {
    this.#repository = repository;
    this.#queues = queues;
  }

  async enqueue(emails: readonly OutboundEmail[]): Promise<number> {
    return this.#repository.enqueueMessages(emails.map(toNewMessage));
  }

  async queueBacklog() {
    return this.#repository.queueBacklog();
  }

  async snapshots() {
    return this.#queues.tenantQueues().map(q => ({
      name: outboundQueueName(q.tenantId),
      tenantId: q.tenantId,
      counts: {
        waiting: q.waiting,
        active: 0,
        delayed: 0,
        failed: q.failed,
        completed: q.completed,
      },
      paused: q.paused,
      ...(q.oldestWaitingAt ? { oldestWaitingAt: q.oldestWaitingAt } : {}),
      totals: {
        enqueued: q.enqueued,
        completed: q.completedTotal,
        failed: q.failedTotal,
      },
    }));
  }

  async jobs(
    tenantId: string,
    options: { limit: number; states: readonly AdminApiQueueJobState[] },
  ): Promise<AdminApiQueueJob[]> {
    const statuses = options.states.flatMap(state => STATUSES[state]);
    return this.#queues
      .listJobs(tenantId, statuses, options.limit)
      .map(row => ({
        id: String(row.id),
        queueName: outboundQueueName(tenantId),
        name: SEND_EMAIL_JOB,
        state: stateOf(row.status),
        enqueuedAt: row.createdAt,
        attemptsMade: row.status === 'queued' ? 0 : 1,
        ...(row.failedReason ? { failedReason: row.failedReason } : {}),
        data: emailOfRow(row),
      }));
  }

  async pause(tenantId: string) {
    this.#queues.pause(tenantId);
  }

  async resume(tenantId: string) {
    this.#queues.resume(tenantId);
  }

  async isPaused(tenantId: string) {
    return this.#queues.isPaused(tenantId);
  }

  startWorker(options: OutboundWorkerOptions): StoppableWorker {
    return startRepeating(
      'deliver outbound email',
      options.intervalMs,
      () => {
        const counts = this.#repository.deliverBatch(options.batchSize, row =>
          options.decide(emailOfRow(row)),
        );
        options.logger.debug('delivered a batch', { ...counts });
      },
      options.logger,
    );
  }

  async close() {}
}
