import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { Flag } from '@opsconsole/backstage-plugin-ops-common';
import { describeGlobalState, hasRollout, variantLabel } from '../flagFormat';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  killSwitch: {
    backgroundColor: HEALTH_STATUS_COLORS.fail.background,
    color: HEALTH_STATUS_COLORS.fail.color,
    fontWeight: 600,
  },
}));

/**
 * A flag's global state as chips: the kill switch when on, the rollout
 * (percentage and variant) or the default, and "Archived".
 */
export function FlagGlobalState(props: { flag: Flag }) {
  const { flag } = props;
  const classes = useStyles();
  return (
    <Tooltip title={describeGlobalState(flag)}>
      <span className={classes.root} data-testid="flag-global-state">
        {flag.killSwitch && (
          <Chip
            size="small"
            className={classes.killSwitch}
            label="Kill switch on"
          />
        )}
        {hasRollout(flag) ? (
          <Chip
            size="small"
            variant="outlined"
            label={`Rollout ${flag.rolloutPercentage} % → ${variantLabel(
              flag,
              flag.rolloutVariant!,
            )}`}
          />
        ) : (
          <Chip size="small" variant="outlined" label="No rollout" />
        )}
        <Chip
          size="small"
          variant="outlined"
          label={`Default ${variantLabel(flag, flag.defaultVariant)}`}
        />
        {flag.archived && <Chip size="small" label="Archived" />}
      </span>
    </Tooltip>
  );
}
