import { WindowStats } from '@opsconsole/backstage-plugin-ops-common';
import { emptyHistogram, mergeInto, quantile } from './latencyHistogram';
import { DAY_S, HOUR_S, StoredRollup } from './HealthStore';

export interface TargetStats {
  windows: Record<'24h' | '7d' | '30d', WindowStats>;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  uptimeBars: Array<number | null>;
}

interface Accumulator {
  samples: number;
  failures: number;
  errors: number;
}

/** Rounds a ratio or a duration for the API: 4 decimals keep 0.01 % precision. */
export const round = (value: number, decimals = 4) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

const roundOrNull = (value: number | null, decimals?: number) =>
  value === null ? null : round(value, decimals);

function windowStats(acc: Accumulator | undefined): WindowStats {
  if (!acc || acc.samples === 0) {
    return { samples: 0, uptime: null, errorRate: null };
  }
  return {
    samples: acc.samples,
    uptime: round((acc.samples - acc.failures) / acc.samples),
    errorRate: round(acc.errors / acc.samples),
  };
}

function add(map: Map<string, Accumulator>, r: StoredRollup) {
  const acc = map.get(r.entityRef) ?? { samples: 0, failures: 0, errors: 0 };
  acc.samples += r.samples;
  acc.failures += r.failures;
  acc.errors += r.errors;
  map.set(r.entityRef, acc);
}

export function hourStart(ms: number) {
  return Math.floor(ms / (HOUR_S * 1000)) * HOUR_S * 1000;
}

export function dayStart(ms: number) {
  return Math.floor(ms / (DAY_S * 1000)) * DAY_S * 1000;
}

/**
 * Statistics of every target from rollups: 24 h from the last 24 hourly buckets (plus the
 * current one), 7 d and 30 d from daily buckets (today and the 6 / 29 days before it).
 */
export function computeTargetStats(
  entityRefs: string[],
  hourly: StoredRollup[],
  daily: StoredRollup[],
  now: number,
): Map<string, TargetStats> {
  const currentHour = hourStart(now);
  const firstHour = currentHour - 23 * HOUR_S * 1000;
  const today = dayStart(now);
  const day = DAY_S * 1000;

  const last24 = new Map<string, Accumulator>();
  const last7 = new Map<string, Accumulator>();
  const last30 = new Map<string, Accumulator>();
  const histograms = new Map<
    string,
    { histogram: number[]; max: number | null }
  >();
  const bars = new Map<string, Array<number | null>>();

  for (const r of hourly) {
    if (r.bucketStart < firstHour) continue;
    add(last24, r);
    const h = histograms.get(r.entityRef) ?? {
      histogram: emptyHistogram(),
      max: null,
    };
    mergeInto(h.histogram, r.histogram);
    if (r.latencyMax !== null) h.max = Math.max(h.max ?? 0, r.latencyMax);
    histograms.set(r.entityRef, h);
    const index = Math.round((r.bucketStart - firstHour) / (HOUR_S * 1000));
    const row = bars.get(r.entityRef) ?? Array.from({ length: 24 }, () => null);
    if (index >= 0 && index < 24 && r.samples > 0) {
      row[index] = round((r.samples - r.failures) / r.samples);
    }
    bars.set(r.entityRef, row);
  }
  for (const r of daily) {
    if (r.bucketStart >= today - 6 * day) add(last7, r);
    if (r.bucketStart >= today - 29 * day) add(last30, r);
  }

  const result = new Map<string, TargetStats>();
  for (const ref of entityRefs) {
    const h = histograms.get(ref);
    result.set(ref, {
      windows: {
        '24h': windowStats(last24.get(ref)),
        '7d': windowStats(last7.get(ref)),
        '30d': windowStats(last30.get(ref)),
      },
      latencyP50Ms: h
        ? roundOrNull(quantile(h.histogram, 0.5, h.max), 2)
        : null,
      latencyP95Ms: h
        ? roundOrNull(quantile(h.histogram, 0.95, h.max), 2)
        : null,
      uptimeBars: bars.get(ref) ?? Array.from({ length: 24 }, () => null),
    });
  }
  return result;
}
