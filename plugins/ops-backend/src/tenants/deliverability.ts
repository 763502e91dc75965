// Deliverability arithmetic: counts per bucket and the rates derived from them.

import {
  DeliverabilityRange,
  DeliverabilityStats,
} from '@opsconsole/backstage-plugin-ops-common';
import { DeliverabilityPoint } from '@opsconsole/backstage-plugin-ops-node';

/** Hourly buckets for 7 days, 6-hourly for 30 days. */
export const DELIVERABILITY_BUCKETS: Record<
  DeliverabilityRange,
  { bucketSeconds: number; count: number }
> = {
  '7d': { bucketSeconds: 3600, count: 168 },
  '30d': { bucketSeconds: 21600, count: 120 },
};

export interface Counts {
  sent: number;
  delivered: number;
  bounced: number;
  complaints: number;
}

const zero = (): Counts => ({
  sent: 0,
  delivered: 0,
  bounced: 0,
  complaints: 0,
});

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/**
 * Counts with their rates: delivered / sent, bounced / sent, complaints / delivered
 * (null when the denominator is 0).
 */
export function withRates(c: Counts): DeliverabilityStats {
  return {
    ...c,
    deliveryRate: ratio(c.delivered, c.sent),
    bounceRate: ratio(c.bounced, c.sent),
    complaintRate: ratio(c.complaints, c.delivered),
  };
}

export function addCounts(into: Counts, p: Counts) {
  into.sent += p.sent;
  into.delivered += p.delivered;
  into.bounced += p.bounced;
  into.complaints += p.complaints;
}

/** The bucket grid of a range ending with the bucket that holds `now`. */
export function deliverabilityWindow(range: DeliverabilityRange, now: number) {
  const { bucketSeconds, count } = DELIVERABILITY_BUCKETS[range];
  const bucketMs = bucketSeconds * 1000;
  const to = (Math.floor(now / bucketMs) + 1) * bucketMs;
  return { bucketSeconds, bucketMs, count, from: to - count * bucketMs, to };
}

/**
 * Sums points (from any number of sources, at any granularity no coarser than the grid)
 * into the grid's buckets; points outside it are ignored. Zero-filled, oldest first.
 */
export function bucketPoints(
  series: ReadonlyArray<readonly DeliverabilityPoint[]>,
  grid: { from: number; bucketMs: number; count: number },
): Counts[] {
  const buckets = Array.from({ length: grid.count }, zero);
  for (const points of series) {
    for (const p of points) {
      const i = Math.floor((Date.parse(p.start) - grid.from) / grid.bucketMs);
      if (i >= 0 && i < grid.count) addCounts(buckets[i], p);
    }
  }
  return buckets;
}

export function totalOf(buckets: readonly Counts[]): Counts {
  const total = zero();
  buckets.forEach(b => addCounts(total, b));
  return total;
}
