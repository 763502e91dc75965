import { makeStyles } from '@material-ui/core/styles';

/** Height of a collapsed log row in pixels; every collapsed row has it. */
export const LOG_ROW_HEIGHT = 24;

/** The columns of a log row: toggle, time, level, service, tenant, message. */
const COLUMNS = '28px 150px 48px minmax(80px, 160px) minmax(60px, 120px) 1fr';

/** Styles shared by the rows of the list and of the context dialog. */
export const useLogRowStyles = makeStyles(theme => ({
  line: {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    columnGap: theme.spacing(1),
    height: LOG_ROW_HEIGHT,
    fontFamily: 'monospace',
    fontSize: 12,
    lineHeight: `${LOG_ROW_HEIGHT}px`,
  },
  cell: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'pre',
  },
  level: {
    fontWeight: 700,
    textTransform: 'uppercase',
  },
  header: {
    fontFamily: theme.typography.fontFamily,
    fontWeight: 500,
    color: theme.palette.text.secondary,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
}));
