import {
  LOG_LEVELS,
  LogHistogram,
  LogLevel,
} from '@opsconsole/backstage-plugin-ops-common';

/** One bar of the histogram: its bucket start (epoch ms) and a count per level. */
export type HistogramPoint = { time: number } & Record<LogLevel, number>;

/** Bars in time order, every level present (0 when absent). */
export function histogramPoints(histogram: LogHistogram): HistogramPoint[] {
  return histogram.buckets
    .map(bucket => {
      const point = { time: Date.parse(bucket.start) } as HistogramPoint;
      for (const level of LOG_LEVELS) {
        point[level] = bucket.counts[level] ?? 0;
      }
      return point;
    })
    .filter(point => Number.isFinite(point.time))
    .sort((a, b) => a.time - b.time);
}

/** The levels with at least one record, least severe first (stacking order). */
export function levelsPresent(points: HistogramPoint[]): LogLevel[] {
  return LOG_LEVELS.filter(level => points.some(point => point[level] > 0));
}
