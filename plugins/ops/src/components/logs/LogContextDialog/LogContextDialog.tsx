import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { makeStyles } from '@material-ui/core/styles';
import Skeleton from '@material-ui/lab/Skeleton';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import useAsync from 'react-use/esm/useAsync';
import { opsApiRef } from '../../../api';
import { formatAbsolute } from '../../shared/format';
import { LogLineCells, LogLineHeader, useLogRowStyles } from '../LogList';

/** Records asked for on each side of the record. */
export const LOG_CONTEXT_SIZE = 25;

const useStyles = makeStyles(theme => ({
  current: {
    background: theme.palette.action.selected,
    fontWeight: 700,
  },
}));

function ContextRows(props: { record: LogRecord }) {
  const { record } = props;
  const opsApi = useApi(opsApiRef);
  const classes = useStyles();
  const rowClasses = useLogRowStyles();
  const context = useAsync(
    () =>
      opsApi.getLogContext(record.id, {
        before: LOG_CONTEXT_SIZE,
        after: LOG_CONTEXT_SIZE,
      }),
    [opsApi, record.id],
  );
  if (context.error) {
    return <ResponseErrorPanel error={context.error} />;
  }
  if (!context.value) {
    return <Skeleton variant="rect" height={240} aria-busy="true" />;
  }
  // oldest first, as a log file reads
  const rows = [
    ...context.value.before,
    context.value.record,
    ...context.value.after,
  ].sort((a, b) => a.time.localeCompare(b.time));
  return (
    <div role="table" aria-label="Context records">
      <LogLineHeader />
      {rows.map((row, index) => {
        const current = row.id === record.id;
        return (
          <div
            key={row.id}
            role="row"
            aria-rowindex={index + 2}
            aria-current={current ? 'true' : undefined}
            className={`${rowClasses.line} ${current ? classes.current : ''}`}
          >
            <span role="cell" />
            <LogLineCells record={row} />
          </div>
        );
      })}
    </div>
  );
}

export interface LogContextDialogProps {
  /** The record whose neighbours to show; the dialog is closed without one. */
  record?: LogRecord;
  onClose: () => void;
}

/** The records just before and after one record, in the same service. */
export function LogContextDialog(props: LogContextDialogProps) {
  const { record, onClose } = props;
  return (
    <Dialog
      open={Boolean(record)}
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="log-context-title"
    >
      <DialogTitle id="log-context-title">
        Context
        {record
          ? ` of ${record.service} at ${formatAbsolute(record.time)}`
          : ''}
      </DialogTitle>
      <DialogContent dividers>
        {record && <ContextRows record={record} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
