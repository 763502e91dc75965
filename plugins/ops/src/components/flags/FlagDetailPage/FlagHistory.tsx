import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  FlagChange,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { humanizeRef } from '../../shared/entityRefs';
import { RelativeTime } from '../../shared/RelativeTime';
import { FLAG_CHANGE_LABELS, describeFlagChange } from './describeChange';

/** A flag's change history, newest first: who changed what, when and why. */
export function FlagHistory(props: { history: FlagChange[] }) {
  const { history } = props;
  if (history.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No changes recorded.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Change history">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Who</TableCell>
          <TableCell>What</TableCell>
          <TableCell>Tenant</TableCell>
          <TableCell>Change</TableCell>
          <TableCell>Reason</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.map(change => (
          <TableRow key={change.id}>
            <TableCell>
              <RelativeTime value={change.time} />
            </TableCell>
            <TableCell>{humanizeRef(change.actor, 'user')}</TableCell>
            <TableCell>
              {FLAG_CHANGE_LABELS[change.action] ?? change.action}
            </TableCell>
            <TableCell>
              {change.tenantId ? (
                <EntityRefLink entityRef={tenantEntityRef(change.tenantId)}>
                  {change.tenantId}
                </EntityRefLink>
              ) : (
                '–'
              )}
            </TableCell>
            <TableCell>{describeFlagChange(change)}</TableCell>
            <TableCell>{change.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
