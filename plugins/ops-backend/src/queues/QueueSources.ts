import {
  QueueJob,
  QueueProvider,
  QueueSnapshot,
} from '@opsconsole/backstage-plugin-ops-node';
import { QueueJobState } from '@opsconsole/backstage-plugin-ops-common';
import { ProviderSources } from '../sources/ProviderSources';
import { SourceTracker } from '../sources/SourceTracker';

/** A queue snapshot with the provider (source) that reported it. */
export interface SourcedQueueSnapshot extends QueueSnapshot {
  source: string;
}

/** A job with the provider (source) that holds it. */
export interface SourcedQueueJob extends QueueJob {
  source: string;
}

/** `<source>:<queue name>`: the id of a queue across sources. */
export const queueId = (source: string, name: string) => `${source}:${name}`;

/**
 * The queue providers of ops-backend (the built-in Platform Admin API provider, unless
 * `ops.queues.platformSource` is false, plus modules' providers), each called with a
 * timeout. A provider that fails is reported `degraded` in the request's
 * {@link SourceTracker}; the others still answer.
 */
export class QueueSources extends ProviderSources<QueueProvider> {
  constructor(providers: readonly QueueProvider[], timeoutMs = 10_000) {
    super(providers, timeoutMs, 'Queue source');
  }

  /**
   * Every queue of every source that answered. `totals`: the caller needs the cumulative
   * counters (the sampler); sources may skip reading them otherwise.
   */
  async listQueues(
    tracker: SourceTracker,
    options?: { totals?: boolean },
  ): Promise<SourcedQueueSnapshot[]> {
    const answers = await this.all(tracker, p =>
      options ? p.listQueues(options) : p.listQueues(),
    );
    return answers.flatMap(a =>
      a.value.map(q => ({ ...q, source: a.provider.id })),
    );
  }

  /**
   * The most recent jobs of one tenant across the sources, newest first, at most `limit`
   * (before any redaction: callers redact).
   */
  async listTenantJobs(
    tenantId: string,
    options: { limit: number; states?: QueueJobState[] },
    tracker: SourceTracker,
  ): Promise<SourcedQueueJob[]> {
    const answers = await this.all(tracker, p =>
      p.listTenantJobs(tenantId, options),
    );
    return answers
      .flatMap(a => a.value.map(job => ({ ...job, source: a.provider.id })))
      .sort((a, b) => b.enqueuedAt.localeCompare(a.enqueuedAt))
      .slice(0, options.limit);
  }

  /**
   * Pauses (or resumes) the tenant in every source; answers the ids of the sources that hold
   * work of the tenant. Failed sources are in the tracker.
   */
  async setTenantPaused(
    tenantId: string,
    paused: boolean,
    tracker: SourceTracker,
  ): Promise<string[]> {
    const answers = await this.all(tracker, p =>
      paused ? p.pauseTenant(tenantId) : p.resumeTenant(tenantId),
    );
    return answers.filter(a => a.value).map(a => a.provider.id);
  }
}
