import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { UserMembership } from '@opsconsole/backstage-plugin-ops-common';
import { RelativeTime } from '../../shared/RelativeTime';
import { UserStatusChip } from '../UsersTable';

/** The person's accounts in every tenant. */
export function MembershipsTable(props: { memberships: UserMembership[] }) {
  return (
    <Table size="small" aria-label="Tenant memberships">
      <TableHead>
        <TableRow>
          <TableCell>Tenant</TableCell>
          <TableCell>Role</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Last login</TableCell>
          <TableCell>User id</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.memberships.map(membership => (
          <TableRow key={`${membership.source}:${membership.userId}`}>
            <TableCell>
              <EntityRefLink entityRef={membership.tenant.entityRef}>
                {membership.tenant.id}
              </EntityRefLink>
            </TableCell>
            <TableCell>{membership.role}</TableCell>
            <TableCell>
              <UserStatusChip status={membership.status} />
            </TableCell>
            <TableCell>
              <RelativeTime value={membership.lastLoginAt} />
            </TableCell>
            <TableCell>
              <code>{membership.userId}</code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
