import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
}));

/** One wrapping row of a list's filter and action controls. */
export function ToolbarRow(props: { children: ReactNode }) {
  const classes = useStyles();
  return <div className={classes.row}>{props.children}</div>;
}
