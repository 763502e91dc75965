import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { HealthCheck } from '@opsconsole/backstage-plugin-ops-common';
import { HealthStatusChip } from '../HealthStatusChip';
import { RelativeTime } from '../../shared/RelativeTime';
import { formatObservedValue, toHealthStatus } from '../healthFormat';

/** The checks of the last probe (application/health+json). */
export function ChecksTable(props: { checks: HealthCheck[] }) {
  const { checks } = props;
  if (checks.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The health endpoint reports no checks (only its overall status).
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Checks">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Component type</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Observed value</TableCell>
          <TableCell>Time</TableCell>
          <TableCell>Output</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {checks.map(check => (
          <TableRow key={`${check.name}:${check.componentId ?? ''}`}>
            <TableCell>
              {check.name}
              {check.componentId && (
                <Typography
                  variant="caption"
                  display="block"
                  color="textSecondary"
                >
                  {check.componentId}
                </Typography>
              )}
            </TableCell>
            <TableCell>{check.componentType ?? '–'}</TableCell>
            <TableCell>
              <HealthStatusChip status={toHealthStatus(check.status)} />
            </TableCell>
            <TableCell>
              {formatObservedValue(check.observedValue, check.observedUnit)}
            </TableCell>
            <TableCell>
              <RelativeTime value={check.time} />
            </TableCell>
            <TableCell>{check.output ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
