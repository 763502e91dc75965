import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { perMinute } from './counterDeltas';
import { detectSpike, EnqueueSeries } from './detectSpike';
import { QueuesConfig } from './queuesConfig';
import { TenantInfo, TenantInfoSource } from '../tenants/TenantDirectory';
import { HOUR_MS, MINUTE_MS, QueueStore, TenantEnqueueRow } from './QueueStore';
import { SpikeNotifier } from './SpikeNotifier';
import { spikeSeverity } from './spikeSeverity';
import { toSpikeAlert } from './toApi';

/**
 * Rates per tenant and bucket (jobs/min): each queue's jobs over the time its samples cover,
 * summed over the tenant's queues. Buckets no sample covers have no rate.
 */
export function tenantRates(rows: TenantEnqueueRow[]): Map<string, number[]> {
  const byTenant = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const rate = perMinute(row.enqueued, row.intervalMs);
    if (rate === undefined) continue;
    const buckets = byTenant.get(row.tenantId) ?? new Map<number, number>();
    buckets.set(row.bucketStart, (buckets.get(row.bucketStart) ?? 0) + rate);
    byTenant.set(row.tenantId, buckets);
  }
  return new Map(
    [...byTenant].map(([tenant, buckets]) => [
      tenant,
      [...buckets].sort((a, b) => a[0] - b[0]).map(([, rate]) => rate),
    ]),
  );
}

const fmt = (n: number) => (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);

/**
 * Spike detection after each sampling round: every tenant's enqueue rate over the recent
 * window against its own baseline (see {@link detectSpike}). Opens an alert (severity by
 * the tenant's tier) and notifies, updates the peak of an open one, resolves it when the
 * rate is back to normal.
 */
export class SpikeMonitor {
  constructor(
    private readonly deps: {
      store: QueueStore;
      tenants: TenantInfoSource;
      notifier: SpikeNotifier;
      options: QueuesConfig['spike'];
      logger: LoggerService;
    },
  ) {}

  /** The recent and baseline rates of every tenant with samples. */
  async series(now: number): Promise<Map<string, EnqueueSeries>> {
    const { store, options } = this.deps;
    const windowStart = now - options.windowMinutes * MINUTE_MS;
    const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS;
    const recent = tenantRates(
      await store.tenantMinuteEnqueues({ from: windowStart, to: now + 1 }),
    );
    const hourly = tenantRates(
      await store.tenantHourlyEnqueues({
        from: hourStart - options.baselineHours * HOUR_MS,
        to: hourStart,
      }),
    );
    // young tenants (or a young install): the minutes of the last hour before the window
    const young = [...recent.keys()].filter(
      t => (hourly.get(t)?.length ?? 0) < options.minBaselinePoints,
    );
    const minutes = tenantRates(
      await store.tenantMinuteEnqueues({
        from: windowStart - HOUR_MS,
        to: windowStart,
        tenantIds: young,
      }),
    );
    return new Map(
      [...recent].map(([tenant, rates]) => {
        const hours = hourly.get(tenant) ?? [];
        const baseline =
          hours.length >= options.minBaselinePoints
            ? hours
            : minutes.get(tenant) ?? hours;
        return [tenant, { baseline, recent: rates }];
      }),
    );
  }

  async evaluate(now = Date.now()) {
    const { store, options, logger } = this.deps;
    const series = await this.series(now);
    const open = new Map(
      (await store.listAlerts({ status: 'open', limit: 10_000 })).map(a => [
        a.tenantId,
        a,
      ]),
    );
    let opened = 0;
    let resolved = 0;
    const tenantIds = new Set([...series.keys(), ...open.keys()]);
    let info: Map<string, TenantInfo> | undefined;
    for (const tenantId of tenantIds) {
      const alert = open.get(tenantId);
      const verdict = detectSpike(
        series.get(tenantId) ?? { baseline: [], recent: [] },
        options,
        Boolean(alert),
      );
      if (verdict.spiking && !alert) {
        info ??= await this.tenantInfo();
        const tenant = info.get(tenantId);
        const stored = {
          id: randomUUID(),
          tenantId,
          severity: spikeSeverity(tenant?.tier),
          status: 'open' as const,
          startedAt: now,
          ratePerMinute: verdict.ratePerMinute,
          peakRatePerMinute: verdict.ratePerMinute,
          baselinePerMinute: verdict.baselinePerMinute,
          message: `${fmt(verdict.ratePerMinute)}/min vs baseline ${fmt(
            verdict.baselinePerMinute,
          )}/min (${fmt(verdict.ratio)}x)`,
        };
        await store.insertAlert(stored);
        opened += 1;
        logger.warn(`Queue spike of tenant ${tenantId}: ${stored.message}`);
        await this.deps.notifier.spikeOpened(
          toSpikeAlert(stored),
          tenant?.ownerRef,
        );
      } else if (verdict.spiking && alert) {
        await store.updateAlert(alert.id, {
          ratePerMinute: verdict.ratePerMinute,
          peakRatePerMinute: Math.max(
            alert.peakRatePerMinute,
            verdict.ratePerMinute,
          ),
        });
      } else if (alert) {
        await store.updateAlert(alert.id, {
          status: 'resolved',
          resolvedAt: now,
          ratePerMinute: verdict.ratePerMinute,
        });
        resolved += 1;
      }
    }
    return { tenants: tenantIds.size, opened, resolved };
  }

  private async tenantInfo(): Promise<Map<string, TenantInfo>> {
    try {
      return await this.deps.tenants.getTenants();
    } catch (error) {
      this.deps.logger.warn(
        `Tenant tiers and owners unavailable for spike alerts: ${error}`,
      );
      return new Map();
    }
  }
}
