import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { AuditEvent } from '@opsconsole/backstage-plugin-ops-common';
import { useTenantTimeline } from '../useTenants';
import { humanizeRef } from '../../shared/entityRefs';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';
import { RelativeTime } from '../../shared/RelativeTime';
import { actionLabel, describeEvent, eventReason } from './describeEvent';

function EventRow(props: { event: AuditEvent }) {
  const { event } = props;
  return (
    <TableRow>
      <TableCell>
        <RelativeTime value={event.time} />
      </TableCell>
      <TableCell>{humanizeRef(event.actor, 'user')}</TableCell>
      <TableCell>
        {actionLabel(event.action)}
        {event.outcome === 'failure' && (
          <Chip
            size="small"
            label="failed"
            style={{
              marginLeft: 8,
              backgroundColor: HEALTH_STATUS_COLORS.fail.background,
              color: HEALTH_STATUS_COLORS.fail.color,
            }}
          />
        )}
      </TableCell>
      <TableCell>{describeEvent(event)}</TableCell>
      <TableCell>{eventReason(event) ?? '–'}</TableCell>
    </TableRow>
  );
}

/**
 * What changed for a tenant, newest first: flag overrides and every other
 * operator action audited against the tenant. Needs `ops.audit.read`.
 */
export function TenantTimeline(props: { tenantId: string }) {
  const timeline = useTenantTimeline(props.tenantId);
  const value = timeline.value;
  return (
    <InfoCard
      title="Timeline"
      subheader="Operator actions on this tenant, newest first"
    >
      {timeline.error && <ResponseErrorPanel error={timeline.error} />}
      {!value && !timeline.error && (
        <Skeleton variant="rect" height={200} data-testid="timeline-skeleton" />
      )}
      {value && value.events.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Nothing has been changed for this tenant yet.
        </Typography>
      )}
      {value && value.events.length > 0 && (
        <Table size="small" aria-label="Timeline">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>What</TableCell>
              <TableCell>Change</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.events.map(event => (
              <EventRow key={event.id} event={event} />
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
