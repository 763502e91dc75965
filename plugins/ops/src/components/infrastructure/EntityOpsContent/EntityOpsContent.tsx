import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Skeleton from '@material-ui/lab/Skeleton';
import { InfoCard, Link, ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  HEALTH_RANGES,
  HealthRange,
  OPS_HEALTH_URL_ANNOTATION,
  TargetSummary,
} from '@opsconsole/backstage-plugin-ops-common';
import { isOpsHealthAvailable } from '../../../isOpsHealthAvailable';
import { useEntityHealth } from '../useEntityHealth';
import { useEntityHistory } from '../useEntityHistory';
import { FactList } from '../../shared/FactList';
import { TargetStatsFacts } from '../TargetStatsFacts';
import { HealthHistoryCharts } from '../HealthHistoryCharts';
import { HealthStatusChip } from '../HealthStatusChip';
import { RangeToggle } from '../../shared/RangeToggle';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { ChecksTable } from './ChecksTable';
import { ProbeNowButton } from './ProbeNowButton';
import { RecentFailures } from './RecentFailures';

const HEALTH_REFRESH_MS = 15_000;
const HISTORY_REFRESH_MS = 60_000;

const useStyles = makeStyles(theme => ({
  status: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

function CurrentStatus(props: { target: TargetSummary }) {
  const { target } = props;
  const classes = useStyles();
  return (
    <FactList breakValues>
      <dt>Status</dt>
      <dd className={classes.status}>
        <HealthStatusChip status={target.status} reason={target.reason} />
        {target.reason && <span>{target.reason}</span>}
      </dd>
      <TargetStatsFacts target={target} />
      <dt>Endpoint</dt>
      <dd>
        <Link to={target.url}>{target.url}</Link>
      </dd>
    </FactList>
  );
}

/** The health of one entity: status, checks, history charts, failures. */
export function EntityOpsHealthView(props: { entityRef: string }) {
  const { entityRef } = props;
  const [range, setRange] = useState<HealthRange>('24h');
  const health = useEntityHealth(entityRef, { intervalMs: HEALTH_REFRESH_MS });
  const history = useEntityHistory(entityRef, range, {
    intervalMs: HISTORY_REFRESH_MS,
  });

  if (!health.value) {
    if (health.error) {
      return <ResponseErrorPanel error={health.error} />;
    }
    return (
      <div data-testid="entity-ops-skeleton" aria-busy="true">
        <Skeleton variant="rect" height={180} style={{ marginBottom: 24 }} />
        <Skeleton variant="rect" height={280} />
      </div>
    );
  }

  const { target, checks, recentFailures } = health.value;
  const refreshAll = () => {
    health.refresh();
    history.refresh();
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SourceStatusBanner
          sources={[...health.value.sources, ...(history.value?.sources ?? [])]}
        />
        {health.error && (
          <ResponseErrorPanel
            error={health.error}
            title="Could not refresh the status; showing the last known one"
          />
        )}
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Current status"
          variant="gridItem"
          action={
            <Box pt={1} pr={1}>
              <ProbeNowButton entityRef={entityRef} onProbed={refreshAll} />
            </Box>
          }
        >
          <CurrentStatus target={target} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Recent failures" variant="gridItem">
          <RecentFailures failures={recentFailures} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="History"
          action={
            <RangeToggle
              ranges={HEALTH_RANGES}
              value={range}
              onChange={setRange}
            />
          }
        >
          <Box height={4} mb={1}>
            {history.loading && history.value && (
              <LinearProgress aria-label="Loading history" />
            )}
          </Box>
          {history.value && <HealthHistoryCharts history={history.value} />}
          {!history.value && history.error && (
            <ResponseErrorPanel error={history.error} />
          )}
          {!history.value && !history.error && (
            <Skeleton variant="rect" height={240} />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Checks" subheader="From the last probe">
          <ChecksTable checks={checks} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The "Operations" tab of an entity: its health status, checks, latency and
 * availability charts, recent failures and a "Probe now" action.
 *
 * @public
 */
export function EntityOpsContent() {
  const { entity } = useEntity();
  if (!isOpsHealthAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState annotation={OPS_HEALTH_URL_ANNOTATION} />
    );
  }
  return <EntityOpsHealthView entityRef={stringifyEntityRef(entity)} />;
}
