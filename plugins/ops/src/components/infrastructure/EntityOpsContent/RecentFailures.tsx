import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { ProbeFailure } from '@opsconsole/backstage-plugin-ops-common';
import { HealthStatusChip } from '../HealthStatusChip';
import { RelativeTime } from '../../shared/RelativeTime';
import { formatLatency } from '../healthFormat';

/** The most recent failed probes. */
export function RecentFailures(props: { failures: ProbeFailure[] }) {
  const { failures } = props;
  if (failures.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No failed probes recorded.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Recent failures">
      {failures.map(failure => (
        <ListItem key={`${failure.time}:${failure.status}`} disableGutters>
          <ListItemText
            primary={
              <>
                <HealthStatusChip status={failure.status} />{' '}
                <RelativeTime value={failure.time} />
                {failure.httpStatus !== undefined &&
                  ` · HTTP ${failure.httpStatus}`}
                {failure.latencyMs !== undefined &&
                  ` · ${formatLatency(failure.latencyMs)}`}
              </>
            }
            secondary={failure.error}
          />
        </ListItem>
      ))}
    </List>
  );
}
