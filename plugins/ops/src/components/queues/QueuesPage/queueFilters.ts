import {
  QueueOverview,
  QueueSummary,
} from '@opsconsole/backstage-plugin-ops-common';

export const QUEUE_STATES = ['paused', 'spiking', 'failing'] as const;

export type QueueStateFilter = (typeof QUEUE_STATES)[number];

export const QUEUE_STATE_LABELS: Record<QueueStateFilter, string> = {
  paused: 'Paused',
  spiking: 'Spiking',
  failing: 'Failing',
};

/** Filters of the queue overview; empty values mean "all". */
export interface QueueFilters {
  /** Part of a tenant ID (synced to `?tenantId=`). */
  tenant: string;
  source: string;
  state: QueueStateFilter | '';
}

export const EMPTY_QUEUE_FILTERS: QueueFilters = {
  tenant: '',
  source: '',
  state: '',
};

export function hasActiveQueueFilters(filters: QueueFilters): boolean {
  return Boolean(filters.tenant.trim() || filters.source || filters.state);
}

/** Failing: jobs fail now, or (before a rate is known) failed jobs are kept. */
function isFailing(queue: QueueSummary): boolean {
  return queue.failedPerMinute === undefined
    ? queue.counts.failed > 0
    : queue.failedPerMinute > 0;
}

const STATE_TESTS: Record<QueueStateFilter, (queue: QueueSummary) => boolean> =
  {
    paused: queue => queue.paused,
    spiking: queue => Boolean(queue.spike),
    failing: isFailing,
  };

/** The queues matching the filters (tenant ID by substring, case-insensitive). */
export function filterQueues(
  queues: QueueSummary[],
  filters: QueueFilters,
): QueueSummary[] {
  const tenant = filters.tenant.trim().toLocaleLowerCase('en-US');
  return queues.filter(
    queue =>
      (!tenant ||
        (queue.tenantId ?? '').toLocaleLowerCase('en-US').includes(tenant)) &&
      (!filters.source || queue.source === filters.source) &&
      (!filters.state || STATE_TESTS[filters.state](queue)),
  );
}

/** Distinct sources of the queues, sorted, for the source filter. */
export function queueSources(queues: QueueSummary[]): string[] {
  return [...new Set(queues.map(queue => queue.source))].sort((a, b) =>
    a.localeCompare(b, 'en-US'),
  );
}

/**
 * The tenant the filter names exactly (case-insensitive) among the tenants the
 * overview knows (queues, alerts, pauses), in its own spelling; else undefined.
 */
export function selectedTenant(
  overview: QueueOverview,
  filter: string,
): string | undefined {
  const wanted = filter.trim().toLocaleLowerCase('en-US');
  if (!wanted) {
    return undefined;
  }
  const known = [
    ...overview.queues.map(queue => queue.tenantId),
    ...overview.alerts.map(alert => alert.tenantId),
    ...overview.pauses.map(pause => pause.tenantId),
  ];
  return known.find(
    tenantId => tenantId?.toLocaleLowerCase('en-US') === wanted,
  );
}
