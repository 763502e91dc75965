import {
  LOG_LEVELS,
  LogHistogram,
  LogLevel,
} from '@opsconsole/backstage-plugin-ops-common';
import { toTimePoints } from '../../shared/charts';

/** One bar of the histogram: its bucket start (epoch ms) and a count per level. */
export type HistogramPoint = { time: number } & Record<LogLevel, number>;

/** Bars in time order, every level present (0 when absent). */
export function histogramPoints(histogram: LogHistogram): HistogramPoint[] {
  return toTimePoints(
    histogram.buckets,
    bucket =>
      Object.fromEntries(
        LOG_LEVELS.map(level => [level, bucket.counts[level] ?? 0]),
      ) as Record<LogLevel, number>,
  );
}

/** The levels with at least one record, least severe first (stacking order). */
export function levelsPresent(points: HistogramPoint[]): LogLevel[] {
  return LOG_LEVELS.filter(level => points.some(point => point[level] > 0));
}
