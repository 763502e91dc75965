import Tooltip from '@material-ui/core/Tooltip';
import { formatAbsolute, formatRelative, parseTime } from '../format';

/** @public */
export interface RelativeTimeProps {
  /** ISO 8601 timestamp. */
  value?: string;
}

/**
 * "5 minutes ago", with the absolute time in a tooltip.
 *
 * @public
 */
export function RelativeTime(props: RelativeTimeProps) {
  const { value } = props;
  if (!parseTime(value)) {
    return <span>–</span>;
  }
  return (
    <Tooltip title={formatAbsolute(value)}>
      <time dateTime={value}>{formatRelative(value)}</time>
    </Tooltip>
  );
}
