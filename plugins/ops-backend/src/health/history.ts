import {
  EntityHistory,
  HealthRange,
  HistoryBucket,
} from '@opsconsole/backstage-plugin-ops-common';
import {
  emptyHistogram,
  exactQuantile,
  mergeInto,
  quantile,
} from './latencyHistogram';
import { HealthStore, HOUR_S } from './HealthStore';

const RANGE_SECONDS: Record<HealthRange, number> = {
  '1h': 3600,
  '24h': 86400,
  '7d': 7 * 86400,
  '30d': 30 * 86400,
};

/** Default bucket widths: 1 min, 15 min, 1 h, 6 h. */
const DEFAULT_BUCKET_SECONDS: Record<HealthRange, number> = {
  '1h': 60,
  '24h': 900,
  '7d': 3600,
  '30d': 21600,
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Probe history of one entity as time buckets. Ranges inside the raw-sample retention are
 * computed from raw samples (exact percentiles); longer ones from hourly rollups
 * (histogram percentiles), so a 30-day chart reads at most 720 rows.
 */
export async function buildHistory(options: {
  store: HealthStore;
  entityRef: string;
  range: HealthRange;
  bucketCount?: number;
  now: number;
  rawRetentionMs: number;
}): Promise<EntityHistory> {
  const { store, entityRef, range, now } = options;
  const rangeMs = RANGE_SECONDS[range] * 1000;
  const fromRaw = rangeMs <= options.rawRetentionMs;
  const minBucketS = fromRaw ? 1 : HOUR_S;
  let bucketS = options.bucketCount
    ? Math.ceil(RANGE_SECONDS[range] / options.bucketCount)
    : DEFAULT_BUCKET_SECONDS[range];
  bucketS = Math.max(minBucketS, Math.ceil(bucketS / minBucketS) * minBucketS);
  const bucketMs = bucketS * 1000;
  const count = Math.ceil(rangeMs / bucketMs);
  const end = Math.floor(now / bucketMs) * bucketMs + bucketMs;
  const start = end - count * bucketMs;
  const indexOf = (ts: number) => Math.floor((ts - start) / bucketMs);

  const acc = Array.from({ length: count }, () => ({
    samples: 0,
    failures: 0,
    latencies: [] as number[],
    histogram: emptyHistogram(),
    max: null as number | null,
  }));

  if (fromRaw) {
    for (const s of await store.readSamples(entityRef, start)) {
      const a = acc[indexOf(s.ts)];
      if (!a) continue;
      a.samples += 1;
      if (s.status === 'fail') a.failures += 1;
      if (s.latencyMs !== undefined && !s.isError) {
        a.latencies.push(s.latencyMs);
        a.max = Math.max(a.max ?? 0, s.latencyMs);
      }
    }
  } else {
    for (const r of await store.readRollups({
      resolutionS: HOUR_S,
      since: start,
      entityRef,
    })) {
      const a = acc[indexOf(r.bucketStart)];
      if (!a) continue;
      a.samples += r.samples;
      a.failures += r.failures;
      mergeInto(a.histogram, r.histogram);
      if (r.latencyMax !== null) a.max = Math.max(a.max ?? 0, r.latencyMax);
    }
  }

  const buckets: HistoryBucket[] = acc.map((a, i) => ({
    start: iso(start + i * bucketMs),
    samples: a.samples,
    failures: a.failures,
    uptime: a.samples ? (a.samples - a.failures) / a.samples : null,
    latencyP50Ms: fromRaw
      ? exactQuantile(a.latencies, 0.5)
      : quantile(a.histogram, 0.5, a.max),
    latencyP95Ms: fromRaw
      ? exactQuantile(a.latencies, 0.95)
      : quantile(a.histogram, 0.95, a.max),
    latencyMaxMs: a.max,
  }));

  return {
    entityRef,
    range,
    bucketSeconds: bucketS,
    buckets,
    sources: [{ id: fromRaw ? 'samples' : 'rollups:hourly', status: 'ok' }],
  };
}
