import {
  AdminApiQueueJob,
  AdminApiQueueJobState,
  AdminApiQueueSnapshot,
} from '../adminApi/types';
import { DeliveryResult } from '../db/types';
import { PlatformLogger } from '../logger';

/**
 * One outbound email: the data of a job in a tenant's outbound queue.
 *
 * @public
 */
export interface OutboundEmail {
  tenantId: string;
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** Messages waiting in the outbound queues and when the oldest was enqueued. */
export interface QueueBacklog {
  count: number;
  oldestQueuedAt: string | null;
}

/** How a worker delivers: batch size and interval, and what happens to each email. */
export interface OutboundWorkerOptions {
  /** Emails taken per interval (per tenant queue with BullMQ, overall with SQLite). */
  batchSize: number;
  intervalMs: number;
  decide(email: OutboundEmail): DeliveryResult;
  logger: PlatformLogger;
}

/** Something started in the background that must be stopped. */
export interface StoppableWorker {
  stop(): Promise<void>;
}

/**
 * The platform's outbound mail queues: one per tenant, named
 * `outbound-email-<tenantId>`. In BullMQ (Redis) when `REDIS_URL` is set, in
 * the platform's SQLite database otherwise; both can be shared by role
 * processes, so the api role reads and pauses what the worker role drains.
 */
export interface OutboundQueue {
  readonly kind: 'sqlite' | 'bullmq';
  /** Adds emails to their tenants' queues; returns how many were added. */
  enqueue(emails: readonly OutboundEmail[]): Promise<number>;
  /** Waiting emails over all tenants (paused ones included). */
  queueBacklog(): Promise<QueueBacklog>;
  /** One snapshot per tenant of the platform, by tenant id. */
  snapshots(): Promise<AdminApiQueueSnapshot[]>;
  /** The newest jobs of one tenant's queue in the given states, newest first. */
  jobs(
    tenantId: string,
    options: { limit: number; states: readonly AdminApiQueueJobState[] },
  ): Promise<AdminApiQueueJob[]>;
  /** Stops the workers taking this tenant's jobs; waiting jobs are kept. Idempotent. */
  pause(tenantId: string): Promise<void>;
  resume(tenantId: string): Promise<void>;
  isPaused(tenantId: string): Promise<boolean>;
  /** Starts delivering (the worker role). */
  startWorker(options: OutboundWorkerOptions): StoppableWorker;
  /** Closes connections (not the database). */
  close(): Promise<void>;
}
