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
import { TenantDeliverability } from '@opsconsole/backstage-plugin-ops-common';
import {
  CHART_MARGIN,
  ChartFigure,
  VALUE_AXIS_WIDTH,
  formatTimeLabel,
  timeXAxisProps,
} from '../charts';
import { HEALTH_STATUS_COLORS } from '../../utils/statusColors';
import {
  DeliverabilityPoint,
  toDeliverabilityPoints,
} from './deliverabilityPoints';

const FLEET_COLOR = '#9e9e9e';

/** Props every series of these charts shares. */
const SERIES = {
  type: 'monotone',
  dot: false,
  connectNulls: false,
  isAnimationActive: false,
} as const;

interface VolumeSeries {
  dataKey: keyof DeliverabilityPoint;
  name: string;
  color: string;
  fillOpacity: number;
}

const formatRate = (digits: number) => (value: number | null) =>
  value === null || value === undefined ? '–' : `${value.toFixed(digits)} %`;

interface RateChartProps {
  points: DeliverabilityPoint[];
  testId: string;
  caption: string;
  tenantKey: keyof DeliverabilityPoint;
  fleetKey: keyof DeliverabilityPoint;
  color: string;
  digits: number;
  range: TenantDeliverability['range'];
}

function RateChart(props: RateChartProps) {
  const { points, testId, caption, tenantKey, fleetKey, color, digits, range } =
    props;
  const theme = useTheme();
  const axisColor = theme.palette.text.secondary;
  const format = formatRate(digits);
  return (
    <ChartFigure testId={testId} label={caption} caption={caption}>
      <LineChart data={points} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis {...timeXAxisProps(range, axisColor)} />
        <YAxis
          stroke={axisColor}
          width={VALUE_AXIS_WIDTH}
          tickFormatter={(value: number) => format(value)}
        />
        <Tooltip
          labelFormatter={formatTimeLabel}
          formatter={(value: number) => format(value)}
        />
        <Legend />
        <Line dataKey={tenantKey} name="Tenant" stroke={color} {...SERIES} />
        <Line
          dataKey={fleetKey}
          name="Fleet"
          stroke={FLEET_COLOR}
          strokeDasharray="4 4"
          {...SERIES}
        />
      </LineChart>
    </ChartFigure>
  );
}

/**
 * Charts of a tenant's deliverability per interval: volume (sent, delivered,
 * bounced, complaints) and delivery / bounce / complaint rates, each against
 * the fleet's.
 */
export function DeliverabilityCharts(props: {
  deliverability: TenantDeliverability;
}) {
  const { deliverability } = props;
  const theme = useTheme();
  const points = useMemo(
    () => toDeliverabilityPoints(deliverability),
    [deliverability],
  );
  const axisColor = theme.palette.text.secondary;

  if (!points.some(point => point.sent > 0)) {
    return (
      <Typography variant="body2" color="textSecondary">
        This tenant sent no email in the last {deliverability.range}.
      </Typography>
    );
  }

  const volumeSeries: VolumeSeries[] = [
    {
      dataKey: 'sent',
      name: 'Sent',
      color: theme.palette.primary.main,
      fillOpacity: 0.1,
    },
    {
      dataKey: 'delivered',
      name: 'Delivered',
      color: HEALTH_STATUS_COLORS.pass.background,
      fillOpacity: 0.1,
    },
    {
      dataKey: 'bounced',
      name: 'Bounced',
      color: HEALTH_STATUS_COLORS.warn.background,
      fillOpacity: 0.2,
    },
    {
      dataKey: 'complaints',
      name: 'Complaints',
      color: HEALTH_STATUS_COLORS.fail.background,
      fillOpacity: 0.2,
    },
  ];

  const rateCharts: Omit<RateChartProps, 'points' | 'range'>[] = [
    {
      testId: 'delivery-rate-chart',
      caption: 'Delivery rate (delivered / sent)',
      tenantKey: 'tenantDeliveryRate',
      fleetKey: 'fleetDeliveryRate',
      color: HEALTH_STATUS_COLORS.pass.background,
      digits: 1,
    },
    {
      testId: 'bounce-rate-chart',
      caption: 'Bounce rate (bounced / sent)',
      tenantKey: 'tenantBounceRate',
      fleetKey: 'fleetBounceRate',
      color: HEALTH_STATUS_COLORS.warn.background,
      digits: 2,
    },
    {
      testId: 'complaint-rate-chart',
      caption: 'Complaint rate (complaints / delivered)',
      tenantKey: 'tenantComplaintRate',
      fleetKey: 'fleetComplaintRate',
      color: HEALTH_STATUS_COLORS.fail.background,
      digits: 3,
    },
  ];

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <ChartFigure
          testId="volume-chart"
          label="Messages per interval"
          caption="Messages per interval"
        >
          <AreaChart data={points} margin={CHART_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis {...timeXAxisProps(deliverability.range, axisColor)} />
            <YAxis stroke={axisColor} width={VALUE_AXIS_WIDTH} />
            <Tooltip labelFormatter={formatTimeLabel} />
            <Legend />
            {volumeSeries.map(series => (
              <Area
                key={series.dataKey}
                dataKey={series.dataKey}
                name={series.name}
                stroke={series.color}
                fill={series.color}
                fillOpacity={series.fillOpacity}
                {...SERIES}
              />
            ))}
          </AreaChart>
        </ChartFigure>
      </Grid>
      {rateCharts.map(chart => (
        <Grid item xs={12} lg={6} key={chart.testId}>
          <RateChart {...chart} points={points} range={deliverability.range} />
        </Grid>
      ))}
    </Grid>
  );
}
