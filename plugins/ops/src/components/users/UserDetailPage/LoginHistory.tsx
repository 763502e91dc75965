import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  UnusualLoginSource,
  UserLogin,
} from '@opsconsole/backstage-plugin-ops-common';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';
import { RelativeTime } from '../../shared/RelativeTime';

/** Whether a login came from a source flagged as unusual (its IP or country). */
export function isUnusualLogin(
  login: UserLogin,
  unusual: UnusualLoginSource[],
): boolean {
  return unusual.some(
    source =>
      (source.kind === 'country' && source.value === login.country) ||
      (source.kind !== 'country' && source.value === login.ip),
  );
}

/** Login attempts, newest first; those from unusual sources flagged. */
export function LoginHistory(props: {
  logins: UserLogin[];
  unusual: UnusualLoginSource[];
}) {
  const { logins, unusual } = props;
  if (logins.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No logins in the last 30 days.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Login history">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Result</TableCell>
          <TableCell>IP address</TableCell>
          <TableCell>Country</TableCell>
          <TableCell>User agent</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {logins.map((login, index) => {
          const flagged = isUnusualLogin(login, unusual);
          return (
            <TableRow
              key={`${login.at}:${index}`}
              selected={flagged}
              data-unusual={flagged || undefined}
            >
              <TableCell>
                <RelativeTime value={login.at} />
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  label={login.success ? 'Succeeded' : 'Failed'}
                  style={{
                    backgroundColor: login.success
                      ? HEALTH_STATUS_COLORS.pass.background
                      : HEALTH_STATUS_COLORS.fail.background,
                    color: '#ffffff',
                  }}
                />
                {flagged && (
                  <Chip
                    size="small"
                    variant="outlined"
                    label="unusual source"
                    style={{ marginLeft: 4 }}
                  />
                )}
              </TableCell>
              <TableCell>{login.ip}</TableCell>
              <TableCell>{login.country ?? '–'}</TableCell>
              <TableCell>{login.userAgent ?? '–'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
