import { FormEvent, useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import { RangeToggle } from '../../shared/RangeToggle';
import {
  LogTimeRangeValue,
  RELATIVE_LOG_RANGES,
  absoluteRange,
} from './timeRange';

const LOCAL_FORMAT = "yyyy-LL-dd'T'HH:mm:ss";

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  field: {
    width: 230,
  },
}));

function toLocalInput(iso: string): string {
  const time = DateTime.fromISO(iso);
  return time.isValid ? time.toFormat(LOCAL_FORMAT) : '';
}

function fromLocalInput(value: string): number {
  return DateTime.fromISO(value).toMillis();
}

export interface LogTimeRangeProps {
  value: LogTimeRangeValue;
  onChange: (value: LogTimeRangeValue) => void;
}

/**
 * The time window of the log viewer: a relative range ending now
 * (15m … 7d) or an absolute from/to in local time.
 */
export function LogTimeRange(props: LogTimeRangeProps) {
  const { value, onChange } = props;
  const classes = useStyles();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  useEffect(() => {
    if (value.kind === 'absolute') {
      setFrom(toLocalInput(value.from));
      setTo(toLocalInput(value.to));
    }
  }, [value]);

  const fromMs = fromLocalInput(from);
  const toMs = fromLocalInput(to);
  const complete = from !== '' && to !== '';
  // NaN (an unparsable field) compares false too
  const invalid = complete && !(fromMs < toMs);
  const custom = complete && !invalid ? absoluteRange(fromMs, toMs) : undefined;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (custom) {
      onChange(custom);
    }
  };

  return (
    <form className={classes.root} onSubmit={apply} aria-label="Time range">
      <RangeToggle
        label="Relative time range"
        ranges={RELATIVE_LOG_RANGES}
        value={value.kind === 'relative' ? value.range : null}
        onChange={range => onChange({ kind: 'relative', range })}
      />
      <TextField
        className={classes.field}
        id="log-range-from"
        label="From"
        type="datetime-local"
        size="small"
        variant="outlined"
        value={from}
        onChange={event => setFrom(event.target.value)}
        InputLabelProps={{ shrink: true }}
        inputProps={{ step: 1 }}
        error={invalid}
      />
      <TextField
        className={classes.field}
        id="log-range-to"
        label="To"
        type="datetime-local"
        size="small"
        variant="outlined"
        value={to}
        onChange={event => setTo(event.target.value)}
        InputLabelProps={{ shrink: true }}
        inputProps={{ step: 1 }}
        error={invalid}
        helperText={invalid ? 'From must be before To' : undefined}
      />
      <Button type="submit" variant="outlined" disabled={!custom}>
        Apply range
      </Button>
    </form>
  );
}
