import { useMemo } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { TenantDeliverability } from '@opsconsole/backstage-plugin-ops-common';
import { TimeSeries, TimeSeriesChart } from '../../shared/charts';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';
import {
  DeliverabilityPoint,
  toDeliverabilityPoints,
} from './deliverabilityPoints';

const FLEET_COLOR = '#9e9e9e';

const formatRate = (digits: number) => (value: number | null) =>
  value === null || value === undefined ? '–' : `${value.toFixed(digits)} %`;

interface RateChart {
  testId: string;
  caption: string;
  tenantKey: keyof DeliverabilityPoint;
  fleetKey: keyof DeliverabilityPoint;
  color: string;
  digits: number;
}

/** The tenant's rate against the fleet's (dashed). */
const rateSeries = (chart: RateChart): TimeSeries[] => [
  { dataKey: chart.tenantKey, name: 'Tenant', color: chart.color },
  {
    dataKey: chart.fleetKey,
    name: 'Fleet',
    color: FLEET_COLOR,
    strokeDasharray: '4 4',
  },
];

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

  if (!points.some(point => point.sent > 0)) {
    return (
      <Typography variant="body2" color="textSecondary">
        This tenant sent no email in the last {deliverability.range}.
      </Typography>
    );
  }

  const volumeSeries: TimeSeries[] = [
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

  const rateCharts: RateChart[] = [
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
        <TimeSeriesChart
          kind="area"
          testId="volume-chart"
          label="Messages per interval"
          caption="Messages per interval"
          points={points}
          range={deliverability.range}
          series={volumeSeries}
        />
      </Grid>
      {rateCharts.map(chart => (
        <Grid item xs={12} lg={6} key={chart.testId}>
          <TimeSeriesChart
            kind="line"
            testId={chart.testId}
            label={chart.caption}
            caption={chart.caption}
            points={points}
            range={deliverability.range}
            formatValue={formatRate(chart.digits)}
            series={rateSeries(chart)}
          />
        </Grid>
      ))}
    </Grid>
  );
}
