import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { UserSummary } from '@opsconsole/backstage-plugin-ops-common';
import { useOptionalRouteRef } from '../../shared/useOptionalRouteRef';
import { userRouteRef } from '../../../routes';
import { RelativeTime } from '../../shared/RelativeTime';
import { UserStatusChip } from './UserStatusChip';

/**
 * Platform users: name (linking to the user's page), email (masked unless
 * revealed), tenant, role, status and last login.
 */
export function UsersTable(props: {
  users: UserSummary[];
  /** Leave out the tenant column (on a tenant's own page). */
  hideTenant?: boolean;
  /** Accessible name of the table. */
  label: string;
}) {
  const { users, hideTenant = false, label } = props;
  const userLink = useOptionalRouteRef(userRouteRef);
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Email</TableCell>
          {!hideTenant && <TableCell>Tenant</TableCell>}
          <TableCell>Role</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Last login</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {users.map(user => (
          <TableRow key={`${user.source}:${user.id}`}>
            <TableCell>
              {userLink ? (
                <Link to={userLink({ userId: user.id })}>{user.name}</Link>
              ) : (
                user.name
              )}
            </TableCell>
            <TableCell data-testid="user-email">{user.email}</TableCell>
            {!hideTenant && (
              <TableCell>
                <EntityRefLink entityRef={user.tenant.entityRef}>
                  {user.tenant.id}
                </EntityRefLink>
              </TableCell>
            )}
            <TableCell>{user.role}</TableCell>
            <TableCell>
              <UserStatusChip status={user.status} />
            </TableCell>
            <TableCell>
              <RelativeTime value={user.lastLoginAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
