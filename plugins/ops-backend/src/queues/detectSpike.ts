/** Enqueue rates of one tenant (jobs per minute, summed over its queues), oldest first. */
export interface EnqueueSeries {
  /**
   * The tenant's normal: one rate per complete hour of the previous day (from the hourly
   * rollups), or per minute of the last hour before the window while less history exists.
   */
  baseline: number[];
  /** One rate per minute of the recent window (e.g. the last 5 minutes). */
  recent: number[];
}

export interface SpikeOptions {
  /**
   * Quantile (0..1) of the baseline points that stands for the tenant's normal. A high one
   * (0.9: about the 3rd busiest of 24 hours) covers a tenant's daily peak, so a big tenant's
   * busy afternoon is not a spike, while one odd hour does not move it.
   */
  baselineQuantile: number;
  /** Under this rate (jobs/min) nothing is a spike, whatever the ratio. */
  minRatePerMinute: number;
  /** A spike is a rate at least this many times the baseline. */
  ratio: number;
  /** The baseline never counts as lower than this (a tenant that usually sends nothing). */
  baselineFloorPerMinute: number;
  /** Fewer baseline points than this: not enough history to judge; no spike. */
  minBaselinePoints: number;
  /**
   * An open spike ends when the rate falls under this share of the threshold
   * (hysteresis, so a rate hovering at the threshold does not open and close alerts).
   */
  resolveShare: number;
}

export const defaultSpikeOptions: SpikeOptions = {
  baselineQuantile: 0.9,
  minRatePerMinute: 20,
  ratio: 5,
  baselineFloorPerMinute: 1,
  minBaselinePoints: 5,
  resolveShare: 0.5,
};

export interface SpikeVerdict {
  spiking: boolean;
  /** Median rate of the recent window (jobs/min). */
  ratePerMinute: number;
  /** The baseline quantile of the baseline points (jobs/min), before the floor. */
  baselinePerMinute: number;
  /** The rate that opens a spike: max(minRate, ratio × max(baseline, floor)). */
  thresholdPerMinute: number;
  /** ratePerMinute / max(baseline, floor). */
  ratio: number;
  /** Why there is no verdict, when there is none. */
  insufficient?: 'baseline' | 'recent';
}

/** The q-quantile (0..1) of values, interpolated between neighbours; 0 when empty. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(pos);
  const upper = Math.ceil(pos);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (pos - lower);
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Whether a tenant's enqueue rate is spiking against its own baseline. The window counts by
 * its median, so one busy minute (noise) does not make a spike; the baseline is a high
 * quantile of the previous hours, so a big tenant's normal daily peak stays under `ratio` × it;
 * a small tenant needs `minRatePerMinute` before anything counts. `open` says whether the
 * tenant already has an open spike, which then lasts until the rate falls under
 * `resolveShare` of the threshold.
 */
export function detectSpike(
  series: EnqueueSeries,
  options: SpikeOptions = defaultSpikeOptions,
  open = false,
): SpikeVerdict {
  const ratePerMinute = round(quantile(series.recent, 0.5));
  const baselinePerMinute = round(
    quantile(series.baseline, options.baselineQuantile),
  );
  const effectiveBaseline = Math.max(
    baselinePerMinute,
    options.baselineFloorPerMinute,
  );
  const thresholdPerMinute = round(
    Math.max(options.minRatePerMinute, options.ratio * effectiveBaseline),
  );
  const verdict = {
    ratePerMinute,
    baselinePerMinute,
    thresholdPerMinute,
    ratio: round(ratePerMinute / effectiveBaseline),
  };
  if (series.recent.length === 0) {
    return { ...verdict, spiking: open, insufficient: 'recent' };
  }
  if (series.baseline.length < options.minBaselinePoints) {
    return { ...verdict, spiking: open, insufficient: 'baseline' };
  }
  const limit = open
    ? thresholdPerMinute * options.resolveShare
    : thresholdPerMinute;
  return { ...verdict, spiking: ratePerMinute >= limit };
}
