import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  PlatformAdminApiComponents,
  QueueJobState,
} from '@opsconsole/backstage-plugin-ops-common';

// A queue source's records are those of the Platform Admin API's queue operations (generated
// from platform-admin-api.yaml), whichever source reports them.

/**
 * One queue as a source reports it now. Counters under `totals` are cumulative (they only
 * grow, e.g. BullMQ's job id counter for `enqueued`); the console samples them and derives
 * rates per minute from their differences.
 * @public
 */
export type QueueSnapshot =
  PlatformAdminApiComponents['schemas']['QueueSnapshot'];

/**
 * A job as the source holds it, unredacted: the console redacts `data` before anyone sees it.
 * @public
 */
export type QueueJob = PlatformAdminApiComponents['schemas']['QueueJob'];

/**
 * Where the console reads queues and pauses one tenant's work. Built in: the Platform Admin
 * API client; `@opsconsole/backstage-plugin-ops-backend-module-bullmq` reads BullMQ in Redis.
 * Add more through {@link opsQueueProvidersExtensionPoint}.
 * @public
 */
export interface QueueProvider {
  /** Stable id, shown as the queue's source and in `sources` lists. */
  readonly id: string;
  /**
   * Every queue of the source with its counts, in as few round trips as the source allows.
   * `totals`: the caller needs the cumulative counters (the console's sampler); sources may
   * skip reading them otherwise.
   */
  listQueues(options?: { totals?: boolean }): Promise<QueueSnapshot[]>;
  /** The most recent jobs of one tenant's queues, newest first. */
  listTenantJobs(
    tenantId: string,
    options: { limit: number; states?: QueueJobState[] },
  ): Promise<QueueJob[]>;
  /**
   * Stops workers taking new jobs of this tenant only; waiting jobs are kept. Idempotent.
   * Answers false when the source holds no queue of the tenant.
   */
  pauseTenant(tenantId: string): Promise<boolean>;
  /** Lets the tenant's jobs flow again. Idempotent. False when the source holds none. */
  resumeTenant(tenantId: string): Promise<boolean>;
}

/** @public */
export interface OpsQueueProvidersExtensionPoint {
  addProvider(...providers: Array<QueueProvider | QueueProvider[]>): void;
}

/**
 * Collection-style extension point for queue sources.
 * @public
 */
export const opsQueueProvidersExtensionPoint =
  createExtensionPoint<OpsQueueProvidersExtensionPoint>({
    id: 'ops.queue-providers',
  });
