import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { HealthStatus } from '@opsconsole/backstage-plugin-ops-common';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';
import { HEALTH_STATUS_LABELS } from '../healthFormat';

const useStyles = makeStyles({
  chip: {
    fontWeight: 600,
    margin: 0,
  },
});

/** @public */
export interface HealthStatusChipProps {
  status: HealthStatus;
  /** Why the target has this status (e.g. why it is misconfigured); shown as a tooltip. */
  reason?: string;
  size?: 'small' | 'medium';
}

/**
 * A coloured chip for a health status: pass green, warn amber, fail red,
 * unknown grey, misconfigured purple.
 *
 * @public
 */
export function HealthStatusChip(props: HealthStatusChipProps) {
  const { status, reason, size = 'small' } = props;
  const classes = useStyles();
  const colors = HEALTH_STATUS_COLORS[status] ?? HEALTH_STATUS_COLORS.unknown;
  const chip = (
    <Chip
      className={classes.chip}
      size={size}
      label={HEALTH_STATUS_LABELS[status] ?? status}
      data-status={status}
      style={{ backgroundColor: colors.background, color: colors.color }}
    />
  );
  if (!reason) {
    return chip;
  }
  return (
    <Tooltip title={reason}>
      <span>{chip}</span>
    </Tooltip>
  );
}
