import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  EntityHealth,
  EntityHistory,
  FleetSummary,
  HealthRange,
  ProbeResult,
  SourceStatus,
  TargetSummary,
} from '@opsconsole/backstage-plugin-ops-common';
import { HealthTargetProvider } from '@opsconsole/backstage-plugin-ops-node';
import { AllowedHosts } from './allowedHosts';
import { buildHistory } from './history';
import { DAY_S, HealthStore, HOUR_S, StoredTarget } from './HealthStore';
import { probeTarget } from './probeTarget';
import { runWithConcurrency } from './runWithConcurrency';
import {
  computeTargetStats,
  dayStart,
  hourStart,
  round,
  TargetStats,
} from './targetStats';

export interface HealthServiceOptions {
  store: HealthStore;
  providers: HealthTargetProvider[];
  allowedHosts: AllowedHosts;
  logger: LoggerService;
  timeoutMs: number;
  concurrency: number;
  /** Expected time between probe rounds; a prober silent for 3 rounds is reported degraded. */
  intervalMs: number;
  rawRetentionMs: number;
  hourlyRetentionMs: number;
  dailyRetentionMs: number;
  fleetCacheMs: number;
  now?: () => number;
}

const emptyStats = (): TargetStats => ({
  windows: {
    '24h': { samples: 0, uptime: null, errorRate: null },
    '7d': { samples: 0, uptime: null, errorRate: null },
    '30d': { samples: 0, uptime: null, errorRate: null },
  },
  latencyP50Ms: null,
  latencyP95Ms: null,
  uptimeBars: Array.from({ length: 24 }, () => null),
});

/** Targets whose statistics are recomputed between two yields to the event loop. */
const STATS_CHUNK = 200;

const yieldToEventLoop = () =>
  new Promise<void>(resolve => setImmediate(resolve));

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

function toSummary(t: StoredTarget): TargetSummary {
  const stats = t.stats ?? emptyStats();
  return {
    entityRef: t.entityRef,
    title: t.title,
    kind: t.kind,
    owner: t.owner,
    system: t.system,
    url: t.url,
    status: t.status,
    statusSince: iso(t.statusSince),
    reason: t.reason,
    lastProbeAt: iso(t.lastProbeAt),
    lastHttpStatus: t.lastHttpStatus,
    lastLatencyMs:
      t.lastLatencyMs === undefined ? undefined : round(t.lastLatencyMs, 2),
    latencyP50Ms: stats.latencyP50Ms,
    latencyP95Ms: stats.latencyP95Ms,
    windows: stats.windows,
    failingChecks: t.checks.filter(
      c => c.status === 'fail' || c.status === 'warn',
    ),
    uptimeBars: stats.uptimeBars,
  };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Infrastructure health: discovery, probe rounds, statistics and the API's answers. */
export class HealthService {
  private readonly now: () => number;
  private fleetVersion = { id: 0, expires: 0 };

  constructor(private readonly options: HealthServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** One probe round: discover targets, probe them with bounded concurrency, store, roll up. */
  async runProbeRound() {
    const { store, providers, logger } = this.options;
    const started = this.now();
    const succeeded: string[] = [];
    const discovered = new Map<string, StoredTarget['providerId']>();
    for (const provider of providers) {
      const sourceId = `targets:${provider.id}`;
      try {
        const targets = await provider.getTargets();
        await store.upsertTargets(
          targets.map(t => ({ ...t, providerId: provider.id })),
          started,
        );
        targets.forEach(t => discovered.set(t.entityRef, provider.id));
        succeeded.push(provider.id);
        await store.setSource({
          id: sourceId,
          status: 'ok',
          updatedAt: iso(started),
        });
      } catch (e) {
        logger.warn(
          `Health target source ${provider.id} failed: ${errorText(e)}`,
        );
        await store.setSource({
          id: sourceId,
          status: 'degraded',
          error: `could not list targets, showing the last known ones: ${errorText(
            e,
          )}`,
          updatedAt: iso(started),
        });
      }
    }
    const removed = await store.removeTargetsExcept(
      succeeded,
      new Set(discovered.keys()),
    );

    const targets = await store.listTargets();
    const records = await runWithConcurrency(
      targets,
      this.options.concurrency,
      async t => ({
        entityRef: t.entityRef,
        outcome: await probeTarget(t.url, {
          allowedHosts: this.options.allowedHosts,
          timeoutMs: this.options.timeoutMs,
          now: this.now,
        }),
      }),
    );
    await store.recordProbes(records);
    await this.refreshStats(targets.map(t => t.entityRef));
    const finished = this.now();
    await store.setSource({
      id: 'prober',
      status: 'ok',
      updatedAt: iso(finished),
    });
    this.fleetVersion.expires = 0;
    const failing = records.filter(r => r.outcome.status === 'fail').length;
    logger.info(
      `Probed ${records.length} health targets in ${
        finished - started
      } ms (${failing} failing, ${removed} removed)`,
    );
    return {
      probed: records.length,
      failing,
      removed,
      durationMs: finished - started,
    };
  }

  /**
   * Recomputes the statistics of the given targets from their rollups, a chunk of targets
   * at a time, yielding to the event loop between chunks so a large fleet never blocks
   * request handling for long (SQLite queries are synchronous).
   */
  private async refreshStats(entityRefs: string[]) {
    const now = this.now();
    for (let i = 0; i < entityRefs.length; i += STATS_CHUNK) {
      const chunk = entityRefs.slice(i, i + STATS_CHUNK);
      const filter =
        chunk.length === 1 ? { entityRef: chunk[0] } : { entityRefs: chunk };
      const hourly = await this.options.store.readRollups({
        resolutionS: HOUR_S,
        since: hourStart(now) - 23 * HOUR_S * 1000,
        ...filter,
      });
      await yieldToEventLoop();
      const daily = await this.options.store.readRollups({
        resolutionS: DAY_S,
        since: dayStart(now) - 29 * DAY_S * 1000,
        ...filter,
      });
      await this.options.store.saveStats(
        computeTargetStats(chunk, hourly, daily, now),
      );
      await yieldToEventLoop();
    }
  }

  private async sources(): Promise<SourceStatus[]> {
    const sources = await this.options.store.listSources();
    return sources.map(s => {
      if (s.id !== 'prober' || !s.updatedAt) return s;
      const age = this.now() - Date.parse(s.updatedAt);
      return age > 3 * this.options.intervalMs
        ? {
            ...s,
            status: 'degraded' as const,
            error: `no probe round has finished since ${s.updatedAt}; statuses may be stale`,
          }
        : s;
    });
  }

  async getFleetSummary(): Promise<FleetSummary> {
    const generatedAt = new Date(this.now()).toISOString();
    try {
      const [targets, sources] = await Promise.all([
        this.options.store.listTargets(),
        this.sources(),
      ]);
      if (!sources.some(s => s.id === 'prober')) {
        sources.push({
          id: 'prober',
          status: 'degraded',
          error: 'no probe round has run yet',
        });
      }
      return { generatedAt, targets: targets.map(toSummary), sources };
    } catch (e) {
      return {
        generatedAt,
        targets: [],
        sources: [{ id: 'store', status: 'unavailable', error: errorText(e) }],
      };
    }
  }

  /**
   * Names the fleet summary {@link getFleetSummary} answers now: it changes when this
   * replica records probe results and at least every `fleetCacheMs` (for the rounds of
   * other replicas). The answer is the same for everyone allowed to read it, so what is
   * derived from it (the encoded response) is shared while the version stays the same,
   * without keeping the summary itself alive.
   */
  fleetSummaryVersion(): number {
    const now = this.now();
    if (this.fleetVersion.expires <= now) {
      this.fleetVersion = {
        id: this.fleetVersion.id + 1,
        expires: now + this.options.fleetCacheMs,
      };
    }
    return this.fleetVersion.id;
  }

  private async requireTarget(entityRef: string): Promise<StoredTarget> {
    const target = await this.options.store.getTarget(entityRef);
    if (!target) {
      throw new NotFoundError(
        `${entityRef} is not a health target: give it the opsconsole.io/health-url annotation and wait for the next probe round`,
      );
    }
    return target;
  }

  async getEntityHealth(entityRef: string): Promise<EntityHealth> {
    const target = await this.requireTarget(entityRef);
    const sources = await this.sources();
    let recentFailures: EntityHealth['recentFailures'] = [];
    try {
      recentFailures = (
        await this.options.store.recentFailures(entityRef, 20)
      ).map(s => ({
        time: iso(s.ts)!,
        status: s.status,
        httpStatus: s.httpStatus,
        latencyMs: s.latencyMs,
        error: s.error,
      }));
    } catch (e) {
      sources.push({
        id: 'failures',
        status: 'unavailable',
        error: errorText(e),
      });
    }
    return {
      target: toSummary(target),
      checks: target.checks,
      recentFailures,
      sources,
    };
  }

  async getEntityHistory(
    entityRef: string,
    range: HealthRange,
    bucketCount?: number,
  ): Promise<EntityHistory> {
    await this.requireTarget(entityRef);
    return buildHistory({
      store: this.options.store,
      entityRef,
      range,
      bucketCount,
      now: this.now(),
      rawRetentionMs: this.options.rawRetentionMs,
    });
  }

  /** Probes one target now and records the result like a round would. */
  async probeNow(entityRef: string): Promise<ProbeResult> {
    const target = await this.requireTarget(entityRef);
    const outcome = await probeTarget(target.url, {
      allowedHosts: this.options.allowedHosts,
      timeoutMs: this.options.timeoutMs,
      now: this.now,
    });
    await this.options.store.recordProbes([{ entityRef, outcome }]);
    await this.refreshStats([entityRef]);
    this.fleetVersion.expires = 0;
    return {
      entityRef,
      status: outcome.status,
      time: iso(outcome.time)!,
      httpStatus: outcome.httpStatus,
      latencyMs: outcome.latencyMs,
      error: outcome.error,
      checks: outcome.checks,
    };
  }

  /** Deletes expired samples and rollups in batches; returns how many rows went. */
  async enforceRetention(batchSize = 5000) {
    const { store } = this.options;
    const now = this.now();
    let deleted = 0;
    const drain = async (fn: () => Promise<number>) => {
      for (let i = 0; i < 1000; i++) {
        const n = await fn();
        deleted += n;
        if (n === 0) break;
      }
    };
    await drain(() =>
      store.deleteSamplesBefore(now - this.options.rawRetentionMs, batchSize),
    );
    await drain(() =>
      store.deleteRollupsBefore(
        HOUR_S,
        now - this.options.hourlyRetentionMs,
        batchSize,
      ),
    );
    await drain(() =>
      store.deleteRollupsBefore(
        DAY_S,
        now - this.options.dailyRetentionMs,
        batchSize,
      ),
    );
    return deleted;
  }
}
