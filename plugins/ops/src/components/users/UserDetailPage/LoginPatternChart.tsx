import { useMemo } from 'react';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DateTime } from 'luxon';
import { LoginPattern } from '@opsconsole/backstage-plugin-ops-common';
import { CHART_MARGIN, ChartFigure } from '../../shared/charts';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';

/** Logins and failed logins per day, stacked. */
export function LoginPatternChart(props: { pattern: LoginPattern }) {
  const { pattern } = props;
  const theme = useTheme();
  const points = useMemo(
    () =>
      pattern.days.map(day => ({
        day: DateTime.fromISO(day.start, { zone: 'utc' }).toFormat('LLL dd'),
        succeeded: day.succeeded,
        failed: day.failed,
      })),
    [pattern],
  );
  if (!points.some(point => point.succeeded + point.failed > 0)) {
    return (
      <Typography variant="body2" color="textSecondary">
        No logins in this period.
      </Typography>
    );
  }
  const axisColor = theme.palette.text.secondary;
  return (
    <ChartFigure
      testId="login-pattern-chart"
      label="Logins and failed logins per day"
      caption="Logins per day (UTC)"
    >
      <BarChart data={points} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" stroke={axisColor} />
        <YAxis allowDecimals={false} stroke={axisColor} width={48} />
        <Tooltip />
        <Legend />
        <Bar
          dataKey="succeeded"
          name="Logins"
          stackId="logins"
          fill={HEALTH_STATUS_COLORS.pass.background}
          isAnimationActive={false}
        />
        <Bar
          dataKey="failed"
          name="Failed logins"
          stackId="logins"
          fill={HEALTH_STATUS_COLORS.fail.background}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
}
