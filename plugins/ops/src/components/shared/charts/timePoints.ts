import { DateTime } from 'luxon';

/**
 * Chart points of time buckets: each item's fields from `toPoint` plus its
 * `start` as `time` (epoch ms), items with an unreadable start dropped,
 * oldest first.
 */
export function toTimePoints<
  Item extends { start: string },
  Point extends object,
>(
  items: readonly Item[],
  toPoint: (item: Item) => Point,
): Array<Point & { time: number }> {
  return items
    .map(item => ({
      ...toPoint(item),
      time: DateTime.fromISO(item.start).toMillis(),
    }))
    .filter(point => Number.isFinite(point.time))
    .sort((a, b) => a.time - b.time);
}
