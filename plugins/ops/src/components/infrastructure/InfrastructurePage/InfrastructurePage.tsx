import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Alert from '@material-ui/lab/Alert';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useFleetSummary } from '../useFleetSummary';
import { errorMessage, formatRelative } from '../../shared/format';
import { FilteredCount } from '../../shared/FilteredCount';
import { NoFilterMatches } from '../../shared/NoFilterMatches';
import { OpsHealthEmptyState } from '../OpsHealthEmptyState';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { FleetSkeleton } from './FleetSkeleton';
import { FleetToolbar } from './FleetToolbar';
import { TargetCard } from './TargetCard';
import {
  EMPTY_FLEET_FILTERS,
  FleetFilters,
  countByStatus,
  distinctValues,
  filterTargets,
  hasActiveFilters,
} from './fleetFilters';

/**
 * The fleet health grid: every health target with its status, latency, error
 * rate and uptime, filterable, refreshed every 15 s.
 *
 * @public
 */
export function InfrastructurePage() {
  const [autoRefresh, setAutoRefresh] = useState(true);
  const [filters, setFilters] = useState<FleetFilters>(EMPTY_FLEET_FILTERS);
  const { value, error, loading, loadedAt, refresh } = useFleetSummary({
    autoRefresh,
  });

  const targets = useMemo(() => value?.targets ?? [], [value]);
  const visible = useMemo(
    () => filterTargets(targets, filters),
    [targets, filters],
  );
  const counts = useMemo(() => countByStatus(targets), [targets]);
  const owners = useMemo(() => distinctValues(targets, 'owner'), [targets]);
  const systems = useMemo(() => distinctValues(targets, 'system'), [targets]);

  if (!value) {
    if (error) {
      return <ResponseErrorPanel error={error} />;
    }
    return <FleetSkeleton />;
  }

  return (
    <>
      {/* fixed height so a background reload does not move the page */}
      <Box height={4} mb={1}>
        {loading && <LinearProgress aria-label="Refreshing" />}
      </Box>
      {error && (
        <Box mb={2}>
          <Alert severity="warning">
            Could not refresh: {errorMessage(error)}. Showing data from{' '}
            {formatRelative(value.generatedAt)}.
          </Alert>
        </Box>
      )}
      <SourceStatusBanner sources={value.sources} />
      {targets.length === 0 ? (
        <OpsHealthEmptyState />
      ) : (
        <>
          <FleetToolbar
            counts={counts}
            owners={owners}
            systems={systems}
            filters={filters}
            onFiltersChange={setFilters}
            autoRefresh={autoRefresh}
            onAutoRefreshChange={setAutoRefresh}
            onRefresh={refresh}
            loading={loading}
            loadedAt={loadedAt}
          />
          {visible.length === 0 ? (
            <NoFilterMatches
              items="targets"
              onClear={() => setFilters(EMPTY_FLEET_FILTERS)}
              py={6}
            />
          ) : (
            <Grid container spacing={2} role="list" aria-label="Health targets">
              {visible.map(target => (
                <Grid
                  item
                  xs={12}
                  md={6}
                  lg={4}
                  key={target.entityRef}
                  role="listitem"
                  aria-label={target.title}
                >
                  <TargetCard target={target} />
                </Grid>
              ))}
            </Grid>
          )}
          {hasActiveFilters(filters) && visible.length > 0 && (
            <FilteredCount
              shown={visible.length}
              total={targets.length}
              items="targets"
              onClear={() => setFilters(EMPTY_FLEET_FILTERS)}
            />
          )}
        </>
      )}
    </>
  );
}
