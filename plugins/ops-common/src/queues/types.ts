// Types of the ops API's queue resources. They mirror plugins/ops-backend/src/schema/openapi.yaml
// (the contract); ops-backend checks its service answers against these types at compile time.

import { SourceStatus } from '../health/types';
import { TenantTier } from '../tenants/types';

/** Job states a queue counts. @public */
export const QUEUE_JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
] as const;

/** @public */
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

/** Jobs per state, as the source reports them now. @public */
export type QueueCounts = Record<QueueJobState, number>;

/** Severity of an alert; a spike's severity follows the tenant's tier. @public */
export type OpsAlertSeverity = 'critical' | 'high' | 'medium' | 'low';

/**
 * A spike in one tenant's enqueue rate against its own baseline.
 * @public
 */
export interface QueueSpikeAlert {
  id: string;
  tenantId: string;
  /** `tenant:default/<tenantId>` */
  tenantEntityRef: string;
  severity: OpsAlertSeverity;
  /** `open` while the spike lasts, `resolved` after the rate is back under the threshold. */
  status: 'open' | 'resolved';
  startedAt: string;
  resolvedAt?: string;
  /** Enqueued jobs per minute when detected and at the peak. */
  ratePerMinute: number;
  peakRatePerMinute: number;
  /** The tenant's baseline rate (jobs per minute) the spike was measured against. */
  baselinePerMinute: number;
  /** Human-readable reason, e.g. "412/min vs baseline 9/min (45x)". */
  message: string;
}

/** The emergency pause of one tenant's work. @public */
export interface TenantQueuePause {
  tenantId: string;
  tenantEntityRef: string;
  paused: boolean;
  reason?: string;
  pausedBy?: string;
  pausedAt?: string;
  /** When a scheduled task resumes the tenant by itself, if set. */
  autoResumeAt?: string;
}

/** One queue in the overview. @public */
export interface QueueSummary {
  /** `<source>:<queue name>`, unique across sources. */
  id: string;
  name: string;
  /** Provider id, e.g. `platform` or `bullmq`. */
  source: string;
  /** The tenant whose work the queue holds; undefined for shared queues. */
  tenantId?: string;
  tenantEntityRef?: string;
  tenantTier?: TenantTier;
  counts: QueueCounts;
  /** Paused in the source (the whole queue, or the tenant's part of it). */
  paused: boolean;
  /** Age in seconds of the oldest waiting job; undefined when none waits. */
  oldestWaitingAgeSeconds?: number;
  /** Per minute over the last sampling window; undefined until two samples exist. */
  enqueuedPerMinute?: number;
  processedPerMinute?: number;
  failedPerMinute?: number;
  /** How unusual the queue is now (0 = normal); the overview sorts by it. */
  anomalyScore: number;
  /** The open spike alert of the queue's tenant, if any. */
  spike?: QueueSpikeAlert;
}

/** Answer of `GET /queues`. @public */
export interface QueueOverview {
  queues: QueueSummary[];
  alerts: QueueSpikeAlert[];
  pauses: TenantQueuePause[];
  sampledAt: string;
  sources: SourceStatus[];
  /**
   * The latest auto-resume a pause may ask for, in hours from now
   * (`ops.queues.pause.maxAutoResumeHours` of the backend).
   */
  maxAutoResumeHours: number;
}

/** @public */
export const QUEUE_HISTORY_RANGES = ['1h', '24h', '7d'] as const;

/** @public */
export type QueueHistoryRange = (typeof QUEUE_HISTORY_RANGES)[number];

/** One bucket of queue history (sampled by the console into its database). @public */
export interface QueueHistoryPoint {
  start: string;
  /** Depth (waiting + delayed + active) at the end of the bucket. */
  depth: number;
  waiting: number;
  failed: number;
  enqueuedPerMinute: number;
  processedPerMinute: number;
  failedPerMinute: number;
}

/** Answer of `GET /queues/history`. @public */
export interface QueueHistory {
  range: QueueHistoryRange;
  bucketSeconds: number;
  /** Filter the history was summed over. */
  tenantId?: string;
  queueId?: string;
  points: QueueHistoryPoint[];
}

/** One job of a tenant's queue, redacted on the server unless `redacted` is false. @public */
export interface QueueJobSample {
  id: string;
  queueId: string;
  name: string;
  state: QueueJobState;
  enqueuedAt: string;
  attemptsMade?: number;
  failedReason?: string;
  /** Job payload after redaction (masked recipients, truncated bodies, removed fields). */
  data: unknown;
  redacted: boolean;
}

/** Who the sampled jobs were addressed to. @public */
export interface RecipientPatterns {
  /** Jobs the figures were computed from. */
  sampledJobs: number;
  uniqueRecipients: number;
  /** Share (0..1) of the sampled recipients never seen for this tenant before. */
  newRecipientShare: number;
  topDomains: Array<{ domain: string; count: number; share: number }>;
}

/** Answer of `GET /tenants/{tenantId}/queues/samples`. @public */
export interface QueueSamples {
  tenantId: string;
  jobs: QueueJobSample[];
  recipients: RecipientPatterns;
  sources: SourceStatus[];
}

/** Body of `POST /tenants/{tenantId}/queues/pause`. @public */
export interface PauseTenantQueuesRequest {
  reason: string;
  /** ISO time at which a scheduled task resumes the tenant. */
  autoResumeAt?: string;
}

/** A notice template, e.g. "Security Alert". @public */
export interface TenantNoticeTemplate {
  id: string;
  title: string;
  subject: string;
  body: string;
}

/** Body of the notice preview and send routes. @public */
export interface TenantNoticeRequest {
  templateId: string;
  reason: string;
}

/** A rendered notice (preview) or a sent one. @public */
export interface TenantNotice {
  tenantId: string;
  templateId: string;
  to: string;
  subject: string;
  body: string;
  /** Set when sent: `smtp` or `captured` (dev with no SMTP: kept and shown, never dropped). */
  delivery?: 'smtp' | 'captured';
  sentAt?: string;
  messageId?: string;
}
