import { useMemo } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DateTime } from 'luxon';
import { EntityHistory } from '@opsconsole/backstage-plugin-ops-common';
import { formatLatency, formatPercent } from '../../utils/format';
import { HEALTH_STATUS_COLORS } from '../../utils/statusColors';
import {
  CHART_MARGIN,
  ChartFigure,
  VALUE_AXIS_WIDTH,
  formatTimeLabel,
  timeXAxisProps,
} from '../charts';

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

interface ChartPoint {
  time: number;
  p50: number | null;
  p95: number | null;
  uptime: number | null;
  samples: number;
  failures: number;
}

function toPoints(history: EntityHistory): ChartPoint[] {
  return history.buckets
    .map(bucket => ({
      time: DateTime.fromISO(bucket.start).toMillis(),
      p50: bucket.latencyP50Ms ?? null,
      p95: bucket.latencyP95Ms ?? null,
      uptime:
        bucket.uptime === null || bucket.uptime === undefined
          ? null
          : bucket.uptime * 100,
      samples: bucket.samples,
      failures: bucket.failures,
    }))
    .filter(point => Number.isFinite(point.time))
    .sort((a, b) => a.time - b.time);
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
  // lines do not join across empty buckets: dots keep isolated buckets visible
  const showDots =
    points.filter(point => point.samples > 0).length <= MAX_POINTS_WITH_DOTS;

  if (!hasData) {
    return (
      <Typography variant="body2" color="textSecondary">
        No probes recorded in the last {history.range}.
      </Typography>
    );
  }

  const axisColor = theme.palette.text.secondary;
  const timeAxis = timeXAxisProps(history.range, axisColor);
  const valueAxis = { stroke: axisColor, width: VALUE_AXIS_WIDTH };
  const series = {
    dot: showDots ? { r: 2 } : false,
    connectNulls: false,
    isAnimationActive: false,
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <ChartFigure
          testId="latency-chart"
          label="Latency p50 and p95"
          caption="Latency (p50 / p95)"
        >
          <LineChart data={points} margin={CHART_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis {...timeAxis} />
            <YAxis
              tickFormatter={(value: number) => formatLatency(value)}
              {...valueAxis}
            />
            <Tooltip
              labelFormatter={formatTimeLabel}
              formatter={(value: number) => formatLatency(value)}
            />
            <Legend />
            <Line
              type="monotone"
              dataKey="p50"
              name="p50"
              stroke={theme.palette.primary.main}
              {...series}
            />
            <Line
              type="monotone"
              dataKey="p95"
              name="p95"
              stroke={HEALTH_STATUS_COLORS.warn.background}
              {...series}
            />
          </LineChart>
        </ChartFigure>
      </Grid>
      <Grid item xs={12} lg={6}>
        <ChartFigure
          testId="availability-chart"
          label="Availability"
          caption="Availability (uptime %)"
        >
          <AreaChart data={points} margin={CHART_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis {...timeAxis} />
            <YAxis
              domain={[uptimeFloor, 100]}
              ticks={uptimeTicks}
              tickFormatter={(value: number) => `${value} %`}
              {...valueAxis}
            />
            <Tooltip
              labelFormatter={formatTimeLabel}
              formatter={(value: number) => formatPercent(value / 100)}
            />
            <Area
              type="stepAfter"
              dataKey="uptime"
              name="Uptime"
              stroke={HEALTH_STATUS_COLORS.pass.background}
              fill={HEALTH_STATUS_COLORS.pass.background}
              fillOpacity={0.2}
              {...series}
            />
          </AreaChart>
        </ChartFigure>
      </Grid>
    </Grid>
  );
}
