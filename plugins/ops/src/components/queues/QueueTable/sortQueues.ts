import { QueueSummary } from '@opsconsole/backstage-plugin-ops-common';

/** Columns the queue table sorts by; `anomaly` (the state column) is the default. */
export type QueueSortKey =
  | 'anomaly'
  | 'name'
  | 'tenant'
  | 'waiting'
  | 'failed'
  | 'enqueued'
  | 'processed'
  | 'oldest';

export interface QueueSort {
  key: QueueSortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_QUEUE_SORT: QueueSort = {
  key: 'anomaly',
  direction: 'desc',
};

/** The direction a column sorts in when first chosen: names A→Z, figures biggest first. */
export function firstDirection(key: QueueSortKey): 'asc' | 'desc' {
  return key === 'name' || key === 'tenant' ? 'asc' : 'desc';
}

const valueOf: Record<
  QueueSortKey,
  (queue: QueueSummary) => number | string | undefined
> = {
  anomaly: queue => queue.anomalyScore,
  name: queue => queue.name,
  tenant: queue => queue.tenantId,
  waiting: queue => queue.counts.waiting,
  failed: queue => queue.counts.failed,
  enqueued: queue => queue.enqueuedPerMinute,
  processed: queue => queue.processedPerMinute,
  oldest: queue => queue.oldestWaitingAgeSeconds,
};

function compareValues(
  a: number | string | undefined,
  b: number | string | undefined,
): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  return String(a).localeCompare(String(b), 'en-US');
}

/**
 * The queues sorted by a column; queues without a value (no tenant, no rate
 * yet) go last in either direction, ties by name then id.
 */
export function sortQueues(
  queues: QueueSummary[],
  sort: QueueSort,
): QueueSummary[] {
  const value = valueOf[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...queues].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) {
      if (va !== vb) {
        return va === undefined ? 1 : -1;
      }
    } else {
      const byValue = compareValues(va, vb);
      if (byValue !== 0) {
        return sign * byValue;
      }
    }
    return (
      a.name.localeCompare(b.name, 'en-US') || a.id.localeCompare(b.id, 'en-US')
    );
  });
}
