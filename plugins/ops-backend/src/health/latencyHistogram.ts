/**
 * Fixed-bucket latency histograms (milliseconds). Rollups store one per bucket of time;
 * merging is adding counts, so percentiles over any range stay cheap. Same idea as
 * Prometheus histograms: the answer is exact to the bucket and interpolated inside it.
 */
export const LATENCY_BOUNDS_MS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  300,
  500,
  750,
  1000,
  1500,
  2000,
  3000,
  5000,
  10000,
  20000,
  30000,
  Infinity,
] as const;

export type LatencyHistogram = number[];

export function emptyHistogram(): LatencyHistogram {
  return LATENCY_BOUNDS_MS.map(() => 0);
}

export function observe(histogram: LatencyHistogram, latencyMs: number) {
  const index = LATENCY_BOUNDS_MS.findIndex(bound => latencyMs <= bound);
  histogram[index] += 1;
}

export function mergeInto(target: LatencyHistogram, source: LatencyHistogram) {
  for (let i = 0; i < target.length; i++) {
    target[i] += source[i] ?? 0;
  }
}

/** Parses a stored histogram, tolerating a different length (bounds grew or shrank). */
export function parseHistogram(
  text: string | null | undefined,
): LatencyHistogram {
  const histogram = emptyHistogram();
  if (!text) return histogram;
  const parsed: unknown = JSON.parse(text);
  if (Array.isArray(parsed)) {
    parsed.forEach((count, i) => {
      if (i < histogram.length && typeof count === 'number')
        histogram[i] = count;
    });
  }
  return histogram;
}

/**
 * The q-quantile (0..1) of the histogram, linearly interpolated inside its bucket and
 * capped by the largest observed value; null when empty.
 */
export function quantile(
  histogram: LatencyHistogram,
  q: number,
  maxObserved?: number | null,
): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = q * total;
  let cumulative = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i];
    if (count === 0) continue;
    if (cumulative + count >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1];
      const upperBound = LATENCY_BOUNDS_MS[i];
      const upper = Number.isFinite(upperBound)
        ? upperBound
        : maxObserved ?? lower;
      const value = lower + ((upper - lower) * (rank - cumulative)) / count;
      return maxObserved !== undefined && maxObserved !== null
        ? Math.min(value, maxObserved)
        : value;
    }
    cumulative += count;
  }
  return maxObserved ?? null;
}

/** Exact quantile of raw values (nearest-rank), null when empty. */
export function exactQuantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(q * sorted.length) - 1),
  );
  return sorted[index];
}
