import { useMemo } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { EntityHistory } from '@opsconsole/backstage-plugin-ops-common';
import { formatPercent } from '../../shared/format';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';
import { TimeSeriesChart, toTimePoints } from '../../shared/charts';
import { formatLatency } from '../healthFormat';

const MAX_POINTS_WITH_DOTS = 48;

/** Evenly spaced round ticks from `floor` to 100 (percent). */
function percentTicks(floor: number): number[] {
  const span = 100 - floor;
  let step = 25;
  if (span <= 10) {
    step = 2;
  } else if (span <= 25) {
    step = 5;
  } else if (span <= 50) {
    step = 10;
  }
  const ticks: number[] = [];
  for (let tick = 100; tick >= floor; tick -= step) {
    ticks.unshift(tick);
  }
  return ticks;
}

function toPoints(history: EntityHistory) {
  return toTimePoints(history.buckets, bucket => ({
    p50: bucket.latencyP50Ms ?? null,
    p95: bucket.latencyP95Ms ?? null,
    uptime:
      bucket.uptime === null || bucket.uptime === undefined
        ? null
        : bucket.uptime * 100,
    samples: bucket.samples,
    failures: bucket.failures,
  }));
}

/** @public */
export interface HealthHistoryChartsProps {
  history: EntityHistory;
}

/**
 * Charts of an entity's probe history: latency p50/p95 and availability
 * (uptime %) per time bucket.
 *
 * @public
 */
export function HealthHistoryCharts(props: HealthHistoryChartsProps) {
  const { history } = props;
  const theme = useTheme();
  const points = useMemo(() => toPoints(history), [history]);
  const hasData = points.some(point => point.samples > 0);

  const lowestUptime = Math.min(
    ...points.flatMap(point => (point.uptime === null ? [] : [point.uptime])),
  );
  const uptimeFloor = Number.isFinite(lowestUptime)
    ? Math.max(0, Math.floor((lowestUptime - 1) / 5) * 5)
    : 0;
  const uptimeTicks = percentTicks(uptimeFloor);
  const showDots =
    points.filter(point => point.samples > 0).length <= MAX_POINTS_WITH_DOTS;

  if (!hasData) {
    return (
      <Typography variant="body2" color="textSecondary">
        No probes recorded in the last {history.range}.
      </Typography>
    );
  }

  // lines do not join across empty buckets: dots keep isolated buckets visible
  const dot = showDots ? { r: 2 } : false;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <TimeSeriesChart
          kind="line"
          testId="latency-chart"
          label="Latency p50 and p95"
          caption="Latency (p50 / p95)"
          points={points}
          range={history.range}
          formatValue={formatLatency}
          dot={dot}
          series={[
            { dataKey: 'p50', name: 'p50', color: theme.palette.primary.main },
            {
              dataKey: 'p95',
              name: 'p95',
              color: HEALTH_STATUS_COLORS.warn.background,
            },
          ]}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <TimeSeriesChart
          kind="area"
          testId="availability-chart"
          label="Availability"
          caption="Availability (uptime %)"
          points={points}
          range={history.range}
          valueAxis={{ domain: [uptimeFloor, 100], ticks: uptimeTicks }}
          formatValue={value => `${value} %`}
          formatTooltipValue={value => formatPercent(value / 100)}
          curve="stepAfter"
          dot={dot}
          legend={false}
          series={[
            {
              dataKey: 'uptime',
              name: 'Uptime',
              color: HEALTH_STATUS_COLORS.pass.background,
              fillOpacity: 0.2,
            },
          ]}
        />
      </Grid>
    </Grid>
  );
}
