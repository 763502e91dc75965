import { QueueCounts } from '@opsconsole/backstage-plugin-ops-common';

/**
 * Growth of a cumulative counter between two readings. A counter that went down was reset
 * (a source restarted, a queue was obliterated and recreated): everything it counts now
 * happened since the reset, so the delta is the current value.
 */
export function counterDelta(
  previous: number | undefined,
  current: number | undefined,
): number | undefined {
  if (current === undefined) return undefined;
  if (previous === undefined) return undefined;
  return current >= previous ? current - previous : current;
}

/** What the sampler keeps of a queue's reading, to compare the next one with. */
export interface QueueReading {
  ts: number;
  counts: QueueCounts;
  totals: { enqueued?: number; completed?: number; failed?: number };
}

/** Jobs enqueued, processed and failed between two readings of one queue. */
export interface QueueDeltas {
  enqueued: number;
  processed: number;
  failed: number;
  intervalMs: number;
}

const depth = (c: QueueCounts) => c.waiting + c.active + c.delayed;

/**
 * The jobs that moved between two readings of a queue. Cumulative totals are used when the
 * source has them; otherwise the completed/failed counts stand in for them, and the enqueued
 * jobs are estimated as what went out plus the growth of the depth (jobs in = Δdepth + out).
 * The first reading of a queue has no interval and no deltas.
 */
export function queueDeltas(
  previous: QueueReading | undefined,
  current: QueueReading,
): QueueDeltas {
  if (!previous || current.ts <= previous.ts) {
    return { enqueued: 0, processed: 0, failed: 0, intervalMs: 0 };
  }
  const processed =
    counterDelta(previous.totals.completed, current.totals.completed) ??
    counterDelta(previous.counts.completed, current.counts.completed) ??
    0;
  const failed =
    counterDelta(previous.totals.failed, current.totals.failed) ??
    counterDelta(previous.counts.failed, current.counts.failed) ??
    0;
  const enqueued =
    counterDelta(previous.totals.enqueued, current.totals.enqueued) ??
    Math.max(
      0,
      depth(current.counts) - depth(previous.counts) + processed + failed,
    );
  return {
    enqueued,
    processed,
    failed,
    intervalMs: current.ts - previous.ts,
  };
}

/** Jobs per minute, or undefined when no time has passed. */
export function perMinute(jobs: number, intervalMs: number) {
  return intervalMs > 0 ? (jobs * 60_000) / intervalMs : undefined;
}
