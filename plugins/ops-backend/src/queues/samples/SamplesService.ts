import {
  QueueJobSample,
  QueueSamples,
  RecipientPatterns,
} from '@opsconsole/backstage-plugin-ops-common';
import { SourceTracker } from '../../sources/SourceTracker';
import { queueId, QueueSources, SourcedQueueJob } from '../QueueSources';
import { TenantRedactFields } from './TenantRedactFields';
import { redactPayload, redactString } from './redactPayload';
import { RedactionConfig, rulesForQueue } from './redactionConfig';
import {
  jobRecipients,
  recipientHash,
  summarizeRecipients,
} from './recipientPatterns';
import { SeenRecipientsStore } from './SeenRecipientsStore';

/** Jobs the recipient patterns are computed over (the samples shown are the newest of them). */
export const PATTERN_WINDOW_JOBS = 200;

export const WITHHELD =
  "[withheld: the tenant's redaction settings could not be read]";

export interface SamplesServiceOptions {
  queues: QueueSources;
  seen: SeenRecipientsStore;
  redaction: RedactionConfig;
  tenantFields: TenantRedactFields;
  patternWindowJobs?: number;
  now?: () => number;
}

/**
 * Recent jobs of a tenant, redacted, and who they were addressed to. Every read also feeds
 * the tenant's seen-recipients store (hashes only), as does {@link SamplesService.recordBaselines}.
 */
export class SamplesService {
  private readonly patternWindowJobs: number;
  private readonly now: () => number;

  constructor(private readonly options: SamplesServiceOptions) {
    this.patternWindowJobs = options.patternWindowJobs ?? PATTERN_WINDOW_JOBS;
    this.now = options.now ?? Date.now;
  }

  /**
   * The newest `limit` jobs of the tenant (redacted unless `unredacted`; deciding and
   * auditing that is the caller's job) and the recipient patterns of its newest
   * {@link PATTERN_WINDOW_JOBS} jobs. A recipient is new when no job of the tenant enqueued
   * before the oldest job of that window was addressed to it.
   */
  async getSamples(params: {
    tenantId: string;
    limit: number;
    unredacted: boolean;
  }): Promise<QueueSamples> {
    const { tenantId, limit, unredacted } = params;
    const tracker = new SourceTracker();
    const [window, tenantFields] = await Promise.all([
      this.options.queues.listTenantJobs(
        tenantId,
        { limit: Math.max(limit, this.patternWindowJobs) },
        tracker,
      ),
      unredacted ? [] : this.readTenantFields(tenantId, tracker),
    ]);
    return {
      tenantId,
      jobs: window
        .slice(0, limit)
        .map(job => this.sample(job, unredacted, tenantFields)),
      recipients: await this.observe(tenantId, window),
      sources: tracker.list(),
    };
  }

  /** Records the recipients of every tenant's recent jobs (a scheduled baseline). */
  async recordBaselines(): Promise<{ tenants: number; jobs: number }> {
    const tracker = new SourceTracker();
    const tenantIds = [
      ...new Set(
        (await this.options.queues.listQueues(tracker)).flatMap(q =>
          q.tenantId ? [q.tenantId] : [],
        ),
      ),
    ];
    let jobs = 0;
    for (const tenantId of tenantIds) {
      const window = await this.options.queues.listTenantJobs(
        tenantId,
        { limit: this.patternWindowJobs },
        tracker,
      );
      await this.observe(tenantId, window);
      jobs += window.length;
    }
    return { tenants: tenantIds.length, jobs };
  }

  private async readTenantFields(
    tenantId: string,
    tracker: SourceTracker,
  ): Promise<string[] | undefined> {
    const source = this.options.tenantFields;
    try {
      const fields = await source.fieldsFor(tenantId);
      tracker.ok(source.id);
      return fields;
    } catch (error) {
      tracker.failed(source.id, error);
      return undefined;
    }
  }

  private sample(
    job: SourcedQueueJob,
    unredacted: boolean,
    tenantFields: string[] | undefined,
  ): QueueJobSample {
    const rules = rulesForQueue(
      this.options.redaction,
      job.queueName,
      tenantFields ?? [],
    );
    const redact = (text: string | undefined) =>
      text === undefined || unredacted
        ? text
        : redactString(text, rules.maxBodyChars);
    let data: unknown = job.data;
    if (!unredacted) {
      // fail closed: without the tenant's extra fields, the payload could leak them
      data = tenantFields ? redactPayload(job.data, rules) : WITHHELD;
    }
    return {
      id: job.id,
      queueId: queueId(job.source, job.queueName),
      name: redact(job.name) ?? job.name,
      state: job.state,
      enqueuedAt: job.enqueuedAt,
      attemptsMade: job.attemptsMade,
      failedReason: redact(job.failedReason),
      data,
      redacted: !unredacted,
    };
  }

  /** Recipient patterns of a window of jobs; then records its recipients as seen. */
  private async observe(
    tenantId: string,
    window: SourcedQueueJob[],
  ): Promise<RecipientPatterns> {
    const now = this.now();
    const jobs = window.map(job => {
      const at = Date.parse(job.enqueuedAt);
      return {
        at: Number.isFinite(at) ? at : now,
        recipients: jobRecipients(job.data).map(a => ({
          ...a,
          hash: recipientHash(a.address),
        })),
      };
    });
    const windowStart = Math.min(now, ...jobs.map(j => j.at));
    const seen = jobs.flatMap(j =>
      j.recipients.map(r => ({ hash: r.hash, seenAt: j.at })),
    );
    const before = await this.options.seen.seenBefore(
      tenantId,
      seen.map(s => s.hash),
      windowStart,
    );
    const patterns = summarizeRecipients(
      jobs.map(j => j.recipients),
      hash => !before.has(hash),
    );
    if (seen.length > 0) await this.options.seen.record(tenantId, seen);
    return patterns;
  }
}
