import { makeStyles } from '@material-ui/core/styles';
import { formatPercent } from '../../shared/format';
import { uptimeColor } from '../healthFormat';

const useStyles = makeStyles(theme => ({
  strip: {
    display: 'flex',
    alignItems: 'stretch',
    gap: 2,
    height: 20,
    width: '100%',
  },
  bar: {
    flex: '1 1 0',
    minWidth: 2,
    borderRadius: 1,
  },
  legend: {
    display: 'flex',
    justifyContent: 'space-between',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
}));

/** @public */
export interface UptimeStripProps {
  /** Hourly uptime shares (0..1), oldest first; null where no probe ran. */
  bars: Array<number | null>;
}

function describeBar(uptime: number | null, hoursAgo: number): string {
  const when = hoursAgo === 1 ? 'last hour' : `${hoursAgo} h ago`;
  return uptime === null
    ? `${when}: no data`
    : `${when}: ${formatPercent(uptime)} uptime`;
}

/**
 * A strip of hourly uptime bars (the last 24 hours): green when fully up,
 * amber when degraded, red when down, grey without data.
 *
 * @public
 */
export function UptimeStrip(props: UptimeStripProps) {
  const { bars } = props;
  const classes = useStyles();
  const withData = bars.filter(bar => bar !== null).length;
  const label = `Hourly uptime, last ${bars.length} hours: ${withData} of ${bars.length} hours with data`;
  return (
    <div>
      <div className={classes.strip} role="img" aria-label={label}>
        {bars.map((uptime, index) => {
          const hoursAgo = bars.length - index;
          return (
            <div
              // the position is the identity of an hourly bar
              // eslint-disable-next-line react/no-array-index-key
              key={index}
              className={classes.bar}
              data-testid="uptime-bar"
              data-uptime={uptime ?? 'none'}
              title={describeBar(uptime, hoursAgo)}
              style={{ backgroundColor: uptimeColor(uptime) }}
            />
          );
        })}
      </div>
      <div className={classes.legend}>
        <span>{bars.length} h ago</span>
        <span>now</span>
      </div>
    </div>
  );
}
