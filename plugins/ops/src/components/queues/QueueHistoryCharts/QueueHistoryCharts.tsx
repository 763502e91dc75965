import { useMemo } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { QueueHistory } from '@opsconsole/backstage-plugin-ops-common';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';
import { formatRate } from '../queueFormat';
import { TimeSeriesChart, toTimePoints } from '../../shared/charts';
import { formatCount } from '../../shared/format';

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
  const points = useMemo(
    () => toTimePoints(history.points, point => point),
    [history],
  );

  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No queue samples recorded in the last {history.range}.
      </Typography>
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <TimeSeriesChart
          kind="area"
          testId="queue-depth-chart"
          label="Queue depth"
          caption="Depth (jobs waiting, delayed or active)"
          points={points}
          range={history.range}
          formatValue={formatCount}
          series={[
            {
              dataKey: 'depth',
              name: 'Depth',
              color: theme.palette.primary.main,
              fillOpacity: 0.2,
            },
            {
              dataKey: 'waiting',
              name: 'Waiting',
              color: HEALTH_STATUS_COLORS.warn.background,
              fillOpacity: 0.1,
            },
          ]}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <TimeSeriesChart
          kind="line"
          testId="queue-throughput-chart"
          label="Queue throughput"
          caption="Throughput (jobs per minute)"
          points={points}
          range={history.range}
          formatValue={formatCount}
          formatTooltipValue={formatRate}
          series={[
            {
              dataKey: 'enqueuedPerMinute',
              name: 'Enqueued',
              color: theme.palette.primary.main,
            },
            {
              dataKey: 'processedPerMinute',
              name: 'Processed',
              color: HEALTH_STATUS_COLORS.pass.background,
            },
            {
              dataKey: 'failedPerMinute',
              name: 'Failed',
              color: HEALTH_STATUS_COLORS.fail.background,
            },
          ]}
        />
      </Grid>
    </Grid>
  );
}
