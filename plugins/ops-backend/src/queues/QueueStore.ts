import {
  OpsAlertSeverity,
  QueueCounts,
} from '@opsconsole/backstage-plugin-ops-common';
import { QueueDeltas, QueueReading } from './counterDeltas';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** One queue in one sampling round. */
export interface QueueSampleRecord extends QueueReading {
  /** `<source>:<queue name>` */
  queueId: string;
  source: string;
  name: string;
  tenantId?: string;
  paused: boolean;
  oldestWaitingAt?: number;
  deltas: QueueDeltas;
}

/** Jobs that moved in one queue during one history bucket, and its state at the bucket's end. */
export interface QueueBucketRow {
  queueId: string;
  bucketStart: number;
  enqueued: number;
  processed: number;
  failed: number;
  intervalMs: number;
  counts: Pick<QueueCounts, 'waiting' | 'active' | 'delayed' | 'failed'>;
}

/** Jobs enqueued by one tenant's queue over a span (a minute or an hour). */
export interface TenantEnqueueRow {
  tenantId: string;
  queueId: string;
  bucketStart: number;
  enqueued: number;
  intervalMs: number;
}

export interface StoredSpikeAlert {
  id: string;
  tenantId: string;
  severity: OpsAlertSeverity;
  status: 'open' | 'resolved';
  startedAt: number;
  resolvedAt?: number;
  ratePerMinute: number;
  peakRatePerMinute: number;
  baselinePerMinute: number;
  message: string;
}

export interface StoredPause {
  tenantId: string;
  paused: boolean;
  reason?: string;
  pausedBy?: string;
  pausedAt?: number;
  autoResumeAt?: number;
  updatedAt: number;
  /**
   * While the pause is being carried out in the sources: when that started. Written by
   * {@link QueueStore.claimPause}, cleared by {@link QueueStore.finishPause} (and by a
   * resume). A resume meanwhile would be undone by the pause still under way, so it waits.
   */
  pausingSince?: number;
}

export interface HistoryQuery {
  from: number;
  to: number;
  bucketMs: number;
  tenantId?: string;
  queueId?: string;
}

/** Where the queues capability keeps samples, rollups, spike alerts and pauses. */
export interface QueueStore {
  /** The latest sample of each queue taken at or after `since`. */
  latestSamples(since: number): Promise<Map<string, QueueSampleRecord>>;
  /** Stores one sampling round and adds it to the hourly rollups (one sample per queue). */
  insertSamples(samples: QueueSampleRecord[]): Promise<void>;
  /** Raw samples summed into buckets of `bucketMs` per queue. */
  sampleBuckets(query: HistoryQuery): Promise<QueueBucketRow[]>;
  /** Hourly rollups per queue. */
  rollupBuckets(
    query: Omit<HistoryQuery, 'bucketMs'>,
  ): Promise<QueueBucketRow[]>;
  /** Enqueued jobs per tenant queue and minute (raw samples), for the recent window. */
  tenantMinuteEnqueues(options: {
    from: number;
    to: number;
    tenantIds?: string[];
  }): Promise<TenantEnqueueRow[]>;
  /** Enqueued jobs per tenant queue and hour (rollups), for baselines. */
  tenantHourlyEnqueues(options: {
    from: number;
    to: number;
  }): Promise<TenantEnqueueRow[]>;

  listAlerts(options: {
    tenantId?: string;
    status?: 'open' | 'resolved';
    limit: number;
  }): Promise<StoredSpikeAlert[]>;
  insertAlert(alert: StoredSpikeAlert): Promise<void>;
  updateAlert(
    id: string,
    patch: Partial<Omit<StoredSpikeAlert, 'id' | 'tenantId'>>,
  ): Promise<void>;

  getPause(tenantId: string): Promise<StoredPause | undefined>;
  /** Current pauses (paused = true), optionally of one tenant. */
  listPauses(options: { tenantId?: string }): Promise<StoredPause[]>;
  /** Pauses whose auto-resume time has come. */
  duePauses(now: number): Promise<StoredPause[]>;
  savePause(pause: StoredPause): Promise<void>;
  /**
   * Makes `pause` (paused = true, usually with `pausingSince`) the tenant's current pause
   * unless the tenant is paused already, in one conditional statement: of concurrent claims,
   * also from other backend replicas, exactly one wins. Answers whether this one did.
   */
  claimPause(pause: StoredPause): Promise<boolean>;
  /**
   * Clears the `pausingSince` of a claimed pause once the sources are paused, only while
   * `claim` is still the tenant's current pause; answers false when it was resumed or
   * replaced meanwhile.
   */
  finishPause(claim: StoredPause): Promise<boolean>;
  /**
   * Takes back a claimed pause that could not be carried out: restores `previous` (removes
   * the row when there was none), only while `claim` is still the tenant's current pause.
   */
  releasePause(
    claim: StoredPause,
    previous: StoredPause | undefined,
  ): Promise<void>;
  /**
   * Marks `pause` resumed only if it is still the tenant's current pause (same pausedAt
   * and autoResumeAt); answers false when it was resumed or replaced meanwhile.
   */
  resumePauseIfCurrent(pause: StoredPause, updatedAt: number): Promise<boolean>;

  deleteSamplesBefore(before: number, batchSize: number): Promise<number>;
  deleteRollupsBefore(before: number, batchSize: number): Promise<number>;
  deleteResolvedAlertsBefore(
    before: number,
    batchSize: number,
  ): Promise<number>;
}
