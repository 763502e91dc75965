import { useState } from 'react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Skeleton from '@material-ui/lab/Skeleton';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import {
  DELIVERABILITY_RANGES,
  DeliverabilityRange,
  DeliverabilityStats,
} from '@opsconsole/backstage-plugin-ops-common';
import { useTenantDeliverability } from '../useTenants';
import { formatPercent } from '../../shared/format';
import { RangeToggle } from '../../shared/RangeToggle';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { DeliverabilityCharts } from './DeliverabilityCharts';

function TotalsTable(props: {
  tenant: DeliverabilityStats;
  fleet: DeliverabilityStats;
}) {
  const rows: Array<[string, (stats: DeliverabilityStats) => string]> = [
    ['Sent', stats => stats.sent.toLocaleString('en-US')],
    ['Delivery rate', stats => formatPercent(stats.deliveryRate, 1)],
    ['Bounce rate', stats => formatPercent(stats.bounceRate)],
    ['Complaint rate', stats => formatPercent(stats.complaintRate, 3)],
  ];
  return (
    <Table size="small" aria-label="Deliverability totals">
      <TableHead>
        <TableRow>
          <TableCell />
          <TableCell align="right">Tenant</TableCell>
          <TableCell align="right">Fleet</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([label, format]) => (
          <TableRow key={label}>
            <TableCell component="th" scope="row">
              {label}
            </TableCell>
            <TableCell align="right">{format(props.tenant)}</TableCell>
            <TableCell align="right">{format(props.fleet)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A tenant's deliverability over 7 or 30 days against the fleet's. */
export function DeliverabilityCard(props: { tenantId: string }) {
  const [range, setRange] = useState<DeliverabilityRange>('7d');
  const deliverability = useTenantDeliverability(props.tenantId, range);
  const value = deliverability.value;

  return (
    <InfoCard
      title="Deliverability"
      subheader="The tenant's trend against the fleet"
      action={
        <RangeToggle
          ranges={DELIVERABILITY_RANGES}
          value={range}
          onChange={setRange}
        />
      }
    >
      <Box height={4} mb={1}>
        {deliverability.loading && value && (
          <LinearProgress aria-label="Loading deliverability" />
        )}
      </Box>
      {value && <SourceStatusBanner sources={value.sources} />}
      {deliverability.error && (
        <ResponseErrorPanel
          error={deliverability.error}
          title={
            value
              ? 'Could not refresh deliverability; showing the last known figures'
              : 'Could not load deliverability'
          }
        />
      )}
      {value && (
        <>
          <Box mb={2}>
            <TotalsTable
              tenant={value.totals.tenant}
              fleet={value.totals.fleet}
            />
          </Box>
          <DeliverabilityCharts deliverability={value} />
        </>
      )}
      {!value && !deliverability.error && (
        <Skeleton
          variant="rect"
          height={240}
          data-testid="deliverability-skeleton"
        />
      )}
    </InfoCard>
  );
}
