import { DateTime } from 'luxon';
import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import { LOG_LEVEL_COLORS } from '../logLevels';
import { logBodyFirstLine } from '../logText';
import { useLogRowStyles } from './logRowStyles';

function formatRowTime(iso: string): string {
  const time = DateTime.fromISO(iso);
  return time.isValid ? time.toFormat('LLL dd HH:mm:ss.SSS') : iso;
}

/**
 * The cells of one log record after the toggle column: time, level, service,
 * tenant and the first line of the message, as text.
 */
export function LogLineCells(props: { record: LogRecord }) {
  const { record } = props;
  const classes = useLogRowStyles();
  const body = logBodyFirstLine(record.body);
  return (
    <>
      <span role="cell" className={classes.cell} title={record.time}>
        {formatRowTime(record.time)}
      </span>
      <span
        role="cell"
        className={`${classes.cell} ${classes.level}`}
        style={{ color: LOG_LEVEL_COLORS[record.level] }}
      >
        {record.level}
      </span>
      <span role="cell" className={classes.cell} title={record.service}>
        {record.service}
      </span>
      <span role="cell" className={classes.cell} title={record.tenantId}>
        {record.tenantId ?? ''}
      </span>
      <span role="cell" className={classes.cell} title={body}>
        {body}
      </span>
    </>
  );
}

/** The column header row matching {@link LogLineCells}. */
export function LogLineHeader() {
  const classes = useLogRowStyles();
  return (
    <div
      role="row"
      aria-rowindex={1}
      className={`${classes.line} ${classes.header}`}
    >
      <span role="columnheader" aria-label="Details" />
      {['Time', 'Level', 'Service', 'Tenant', 'Message'].map(name => (
        <span key={name} role="columnheader" className={classes.cell}>
          {name}
        </span>
      ))}
    </div>
  );
}
