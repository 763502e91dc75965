import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Skeleton from '@material-ui/lab/Skeleton';
import Alert from '@material-ui/lab/Alert';
import { useSearchParams } from 'react-router-dom';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useQueueOverview } from '../useQueues';
import { errorMessage, formatRelative } from '../../shared/format';
import { heldJobs } from '../queueFormat';
import { FilteredCount } from '../../shared/FilteredCount';
import { NoFilterMatches } from '../../shared/NoFilterMatches';
import { QueueAlerts } from '../QueueAlerts';
import { QueueHistoryCard } from '../QueueHistoryCharts';
import { QueueTable } from '../QueueTable';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { TenantQueuePanel } from '../TenantQueuePanel';
import { QueuesEmptyState } from './QueuesEmptyState';
import { QueuesToolbar } from './QueuesToolbar';
import {
  EMPTY_QUEUE_FILTERS,
  QueueFilters,
  QueueStateFilter,
  filterQueues,
  hasActiveQueueFilters,
  queueSources,
  selectedTenant,
} from './queueFilters';

/** The filters in the URL: `?tenantId=&source=&state=`. */
function useUrlFilters(): [QueueFilters, (filters: QueueFilters) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: QueueFilters = {
    tenant: searchParams.get('tenantId') ?? '',
    source: searchParams.get('source') ?? '',
    state: (searchParams.get('state') ?? '') as QueueStateFilter | '',
  };
  const setFilters = (next: QueueFilters) =>
    setSearchParams(
      previous => {
        const params = new URLSearchParams(previous);
        for (const [name, value] of [
          ['tenantId', next.tenant],
          ['source', next.source],
          ['state', next.state],
        ]) {
          if (value) {
            params.set(name, value);
          } else {
            params.delete(name);
          }
        }
        return params;
      },
      { replace: true },
    );
  return [filters, setFilters];
}

function QueuesSkeleton() {
  return (
    <div data-testid="queues-skeleton" aria-busy="true">
      <Skeleton variant="rect" height={48} style={{ marginBottom: 16 }} />
      <Skeleton variant="rect" height={320} />
    </div>
  );
}

/**
 * Queue Health (`/ops/queues`): open spike alerts, every queue of every
 * source (most anomalous first) with tenant ID (`?tenantId=`), source and
 * state filters, and depth and throughput history. Filtered to one tenant,
 * the tenant's panel: samples, recipient patterns, emergency pause and notice.
 */
export function QueuesPage() {
  const overview = useQueueOverview();
  const [filters, setFilters] = useUrlFilters();
  const value = overview.value;
  const queues = useMemo(() => value?.queues ?? [], [value]);
  const visible = useMemo(
    () => filterQueues(queues, filters),
    [queues, filters],
  );
  const sources = useMemo(() => queueSources(queues), [queues]);

  if (!value) {
    if (overview.error) {
      return <ResponseErrorPanel error={overview.error} />;
    }
    return <QueuesSkeleton />;
  }

  const tenantId = selectedTenant(value, filters.tenant);
  const selectTenant = (id: string) => setFilters({ ...filters, tenant: id });
  const clear = () => setFilters(EMPTY_QUEUE_FILTERS);

  return (
    <>
      <Box height={4} mb={1}>
        {overview.loading && <LinearProgress aria-label="Refreshing" />}
      </Box>
      {overview.error && (
        <Box mb={2}>
          <Alert severity="warning">
            Could not refresh: {errorMessage(overview.error)}. Showing queues
            sampled {formatRelative(value.sampledAt)}.
          </Alert>
        </Box>
      )}
      <SourceStatusBanner sources={value.sources} />
      <QueueAlerts alerts={value.alerts} onSelectTenant={selectTenant} />
      {queues.length === 0 ? (
        <QueuesEmptyState />
      ) : (
        <>
          <Box mb={3}>
            <InfoCard title="Queues" subheader="Most anomalous first">
              <QueuesToolbar
                filters={filters}
                sources={sources}
                sampledAt={value.sampledAt}
                onChange={setFilters}
              />
              {visible.length === 0 ? (
                <NoFilterMatches items="queues" onClear={clear} py={4} />
              ) : (
                <QueueTable queues={visible} onSelectTenant={selectTenant} />
              )}
              {hasActiveQueueFilters(filters) && visible.length > 0 && (
                <FilteredCount
                  shown={visible.length}
                  total={queues.length}
                  items="queues"
                  onClear={clear}
                />
              )}
            </InfoCard>
          </Box>
          {tenantId && (
            <Box mb={3}>
              <TenantQueuePanel
                tenantId={tenantId}
                pause={value.pauses.find(p => p.tenantId === tenantId)}
                heldJobs={heldJobs(
                  queues.filter(queue => queue.tenantId === tenantId),
                )}
                maxAutoResumeHours={value.maxAutoResumeHours}
                onChanged={overview.refresh}
              />
            </Box>
          )}
          <QueueHistoryCard tenantId={tenantId} />
        </>
      )}
    </>
  );
}
