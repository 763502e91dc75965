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
import { QueueHistory } from '@opsconsole/backstage-plugin-ops-common';
import { HEALTH_STATUS_COLORS } from '../../utils/statusColors';
import { formatCount, formatRate } from '../../utils/queues';
import {
  CHART_MARGIN,
  ChartFigure,
  VALUE_AXIS_WIDTH,
  formatTimeLabel,
  timeXAxisProps,
} from '../charts';

function toPoints(history: QueueHistory) {
  return history.points
    .map(point => ({
      ...point,
      time: DateTime.fromISO(point.start).toMillis(),
    }))
    .filter(point => Number.isFinite(point.time))
    .sort((a, b) => a.time - b.time);
}

/** @public */
export interface QueueHistoryChartsProps {
  history: QueueHistory;
}

/**
 * Queue depth (waiting + delayed + active, and waiting alone) and throughput
 * (enqueued, processed and failed per minute) over time.
 */
export function QueueHistoryCharts(props: QueueHistoryChartsProps) {
  const { history } = props;
  const theme = useTheme();
  const points = useMemo(() => toPoints(history), [history]);

  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No queue samples recorded in the last {history.range}.
      </Typography>
    );
  }

  const axisColor = theme.palette.text.secondary;
  const timeAxis = timeXAxisProps(history.range, axisColor);
  const valueAxis = { stroke: axisColor, width: VALUE_AXIS_WIDTH };
  const series = { dot: false, isAnimationActive: false };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <ChartFigure
          testId="queue-depth-chart"
          label="Queue depth"
          caption="Depth (jobs waiting, delayed or active)"
        >
          <AreaChart data={points} margin={CHART_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis {...timeAxis} />
            <YAxis
              tickFormatter={(value: number) => formatCount(value)}
              {...valueAxis}
            />
            <Tooltip
              labelFormatter={formatTimeLabel}
              formatter={(value: number) => formatCount(value)}
            />
            <Legend />
            <Area
              type="monotone"
              dataKey="depth"
              name="Depth"
              stroke={theme.palette.primary.main}
              fill={theme.palette.primary.main}
              fillOpacity={0.2}
              {...series}
            />
            <Area
              type="monotone"
              dataKey="waiting"
              name="Waiting"
              stroke={HEALTH_STATUS_COLORS.warn.background}
              fill={HEALTH_STATUS_COLORS.warn.background}
              fillOpacity={0.1}
              {...series}
            />
          </AreaChart>
        </ChartFigure>
      </Grid>
      <Grid item xs={12} lg={6}>
        <ChartFigure
          testId="queue-throughput-chart"
          label="Queue throughput"
          caption="Throughput (jobs per minute)"
        >
          <LineChart data={points} margin={CHART_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis {...timeAxis} />
            <YAxis
              tickFormatter={(value: number) => formatCount(value)}
              {...valueAxis}
            />
            <Tooltip
              labelFormatter={formatTimeLabel}
              formatter={(value: number) => formatRate(value)}
            />
            <Legend />
            <Line
              type="monotone"
              dataKey="enqueuedPerMinute"
              name="Enqueued"
              stroke={theme.palette.primary.main}
              {...series}
            />
            <Line
              type="monotone"
              dataKey="processedPerMinute"
              name="Processed"
              stroke={HEALTH_STATUS_COLORS.pass.background}
              {...series}
            />
            <Line
              type="monotone"
              dataKey="failedPerMinute"
              name="Failed"
              stroke={HEALTH_STATUS_COLORS.fail.background}
              {...series}
            />
          </LineChart>
        </ChartFigure>
      </Grid>
    </Grid>
  );
}
