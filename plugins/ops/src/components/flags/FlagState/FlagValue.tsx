import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { formatFlagValue } from '../flagFormat';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';

const useStyles = makeStyles({
  chip: {
    fontWeight: 600,
    maxWidth: 280,
  },
  on: {
    backgroundColor: HEALTH_STATUS_COLORS.pass.background,
    color: HEALTH_STATUS_COLORS.pass.color,
  },
  off: {
    backgroundColor: HEALTH_STATUS_COLORS.unknown.background,
    color: HEALTH_STATUS_COLORS.unknown.color,
  },
});

/**
 * A flag value as a chip: green "on", grey "off", other values as text; the
 * variant name follows when it says more than the value.
 */
export function FlagValue(props: { value: unknown; variant?: string }) {
  const { value, variant } = props;
  const classes = useStyles();
  const text = formatFlagValue(value);
  let colour: string | undefined;
  if (value === true) {
    colour = classes.on;
  } else if (value === false) {
    colour = classes.off;
  }
  const label =
    variant && variant !== text && typeof value !== 'boolean'
      ? `${variant}: ${text}`
      : text;
  return (
    <Chip
      size="small"
      className={[classes.chip, colour].filter(Boolean).join(' ')}
      label={label}
      data-value={text}
    />
  );
}
