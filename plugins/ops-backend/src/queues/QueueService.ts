import { InputError } from '@backstage/errors';
import {
  QueueHistory,
  QueueHistoryPoint,
  QueueHistoryRange,
  QueueOverview,
  QueueSpikeAlert,
  QueueSummary,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { SourceTracker } from '../sources/SourceTracker';
import { anomalyScore } from './anomalyScore';
import { TenantInfo, TenantInfoSource } from '../tenants/TenantDirectory';
import { perMinute } from './counterDeltas';
import { queueId, QueueSources, SourcedQueueSnapshot } from './QueueSources';
import {
  HOUR_MS,
  MINUTE_MS,
  QueueBucketRow,
  QueueSampleRecord,
  QueueStore,
} from './QueueStore';
import { toSpikeAlert, toTenantQueuePause } from './toApi';

/** How far back the overview looks for a queue's last sampled rates. */
const RATES_LOOKBACK_MS = 10 * MINUTE_MS;
const ALERTS_LIMIT = 200;

const HISTORY: Record<
  QueueHistoryRange,
  { spanMs: number; bucketMs: number; rollups: boolean }
> = {
  '1h': { spanMs: HOUR_MS, bucketMs: MINUTE_MS, rollups: false },
  '24h': { spanMs: 24 * HOUR_MS, bucketMs: 15 * MINUTE_MS, rollups: false },
  '7d': { spanMs: 7 * 24 * HOUR_MS, bucketMs: HOUR_MS, rollups: true },
};

const rate = (jobs: number, intervalMs: number) => {
  const r = perMinute(jobs, intervalMs);
  return r === undefined ? undefined : Math.round(r * 100) / 100;
};

/**
 * Reads of the queues capability: the overview (live counts from every source, rates of the
 * last sampling window from the database, spikes and pauses), history and alerts.
 */
export class QueueService {
  constructor(
    private readonly deps: {
      sources: QueueSources;
      store: QueueStore;
      tenants: TenantInfoSource;
      /** The latest auto-resume of a pause (`ops.queues.pause.maxAutoResume`). */
      maxAutoResumeHours: number;
    },
  ) {}

  async getOverview(
    filter: { tenantId?: string; source?: string } = {},
    now = Date.now(),
  ): Promise<QueueOverview> {
    const { sources, store } = this.deps;
    const providers = filter.source
      ? sources.providers.filter(p => p.id === filter.source)
      : sources.providers;
    if (filter.source && providers.length === 0) {
      throw new InputError(
        `Unknown queue source "${filter.source}"; the sources are: ${
          sources.providers.map(p => p.id).join(', ') || 'none'
        }`,
      );
    }
    const tracker = new SourceTracker();
    const [answers, latest, openAlerts, pauses, tenants] = await Promise.all([
      sources.some(providers, tracker, p => p.listQueues()),
      store.latestSamples(now - RATES_LOOKBACK_MS),
      store.listAlerts({
        status: 'open',
        tenantId: filter.tenantId,
        limit: ALERTS_LIMIT,
      }),
      store.listPauses({ tenantId: filter.tenantId }),
      this.tenantInfo(tracker),
    ]);
    const alerts = openAlerts.map(toSpikeAlert);
    const spikes = new Map(alerts.map(a => [a.tenantId, a]));
    const queues = answers
      .flatMap(a => a.value.map(q => ({ ...q, source: a.provider.id })))
      .filter(q => !filter.tenantId || q.tenantId === filter.tenantId)
      .map(q =>
        this.summary(
          q,
          latest.get(queueId(q.source, q.name)),
          spikes,
          tenants,
          now,
        ),
      )
      .sort(
        (a, b) => b.anomalyScore - a.anomalyScore || a.id.localeCompare(b.id),
      );
    return {
      queues,
      alerts,
      pauses: pauses.map(p => toTenantQueuePause(p.tenantId, p)),
      sampledAt: new Date(now).toISOString(),
      sources: tracker.list(),
      maxAutoResumeHours: this.deps.maxAutoResumeHours,
    };
  }

  private summary(
    q: SourcedQueueSnapshot,
    sample: QueueSampleRecord | undefined,
    spikes: Map<string, QueueSpikeAlert>,
    tenants: Map<string, TenantInfo>,
    now: number,
  ): QueueSummary {
    const oldest = q.oldestWaitingAt ? Date.parse(q.oldestWaitingAt) : NaN;
    const oldestWaitingAgeSeconds = Number.isNaN(oldest)
      ? undefined
      : Math.max(0, Math.round((now - oldest) / 1000));
    const d = sample?.deltas;
    const enqueuedPerMinute = d && rate(d.enqueued, d.intervalMs);
    const processedPerMinute = d && rate(d.processed, d.intervalMs);
    const failedPerMinute = d && rate(d.failed, d.intervalMs);
    const spike = q.tenantId ? spikes.get(q.tenantId) : undefined;
    const tier = q.tenantId ? tenants.get(q.tenantId)?.tier : undefined;
    return {
      id: queueId(q.source, q.name),
      name: q.name,
      source: q.source,
      ...(q.tenantId && {
        tenantId: q.tenantId,
        tenantEntityRef: tenantEntityRef(q.tenantId),
      }),
      ...(tier && { tenantTier: tier }),
      counts: q.counts,
      paused: q.paused,
      ...(oldestWaitingAgeSeconds !== undefined && { oldestWaitingAgeSeconds }),
      ...(enqueuedPerMinute !== undefined && { enqueuedPerMinute }),
      ...(processedPerMinute !== undefined && { processedPerMinute }),
      ...(failedPerMinute !== undefined && { failedPerMinute }),
      anomalyScore: anomalyScore({
        spikeRatio: spike
          ? spike.ratePerMinute / Math.max(spike.baselinePerMinute, 1)
          : undefined,
        processedPerMinute,
        failedPerMinute,
        oldestWaitingAgeSeconds,
      }),
      ...(spike && { spike }),
    };
  }

  private async tenantInfo(tracker: SourceTracker) {
    const { tenants } = this.deps;
    try {
      const info = await tenants.getTenants();
      tracker.ok(tenants.id);
      return info;
    } catch (error) {
      tracker.failed(tenants.id, error);
      return new Map<string, TenantInfo>();
    }
  }

  async getHistory(
    query: { range: QueueHistoryRange; tenantId?: string; queueId?: string },
    now = Date.now(),
  ): Promise<QueueHistory> {
    const { spanMs, bucketMs, rollups } = HISTORY[query.range];
    const to = (Math.floor(now / bucketMs) + 1) * bucketMs;
    const from = to - spanMs;
    const filter = {
      from,
      to,
      tenantId: query.tenantId,
      queueId: query.queueId,
    };
    const rows = rollups
      ? await this.deps.store.rollupBuckets(filter)
      : await this.deps.store.sampleBuckets({ ...filter, bucketMs });
    return {
      range: query.range,
      bucketSeconds: bucketMs / 1000,
      ...(query.tenantId && { tenantId: query.tenantId }),
      ...(query.queueId && { queueId: query.queueId }),
      points: historyPoints(rows),
    };
  }

  async listAlerts(query: {
    tenantId?: string;
    status: 'open' | 'resolved' | 'all';
  }): Promise<{ alerts: QueueSpikeAlert[] }> {
    const alerts = await this.deps.store.listAlerts({
      tenantId: query.tenantId,
      status: query.status === 'all' ? undefined : query.status,
      limit: ALERTS_LIMIT,
    });
    return { alerts: alerts.map(toSpikeAlert) };
  }
}

/** Sums per-queue buckets into one point per bucket (rates summed over the queues). */
export function historyPoints(rows: QueueBucketRow[]): QueueHistoryPoint[] {
  const points = new Map<number, QueueHistoryPoint>();
  for (const r of rows) {
    const p = points.get(r.bucketStart) ?? {
      start: new Date(r.bucketStart).toISOString(),
      depth: 0,
      waiting: 0,
      failed: 0,
      enqueuedPerMinute: 0,
      processedPerMinute: 0,
      failedPerMinute: 0,
    };
    p.depth += r.counts.waiting + r.counts.active + r.counts.delayed;
    p.waiting += r.counts.waiting;
    p.failed += r.counts.failed;
    p.enqueuedPerMinute += perMinute(r.enqueued, r.intervalMs) ?? 0;
    p.processedPerMinute += perMinute(r.processed, r.intervalMs) ?? 0;
    p.failedPerMinute += perMinute(r.failed, r.intervalMs) ?? 0;
    points.set(r.bucketStart, p);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return [...points.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, p]) => ({
      ...p,
      enqueuedPerMinute: round(p.enqueuedPerMinute),
      processedPerMinute: round(p.processedPerMinute),
      failedPerMinute: round(p.failedPerMinute),
    }));
}
