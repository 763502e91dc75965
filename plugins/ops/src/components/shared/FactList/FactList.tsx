import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    '& dt': {
      color: theme.palette.text.secondary,
    },
    '& dd': {
      margin: 0,
    },
  },
  regular: {
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  dense: {
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(1.5, 0),
  },
  breakValues: {
    '& dd': {
      wordBreak: 'break-all',
    },
  },
}));

export interface FactListProps {
  /** Tighter spacing, with a vertical margin, for cards in a grid. */
  dense?: boolean;
  /** Break long values (URLs) anywhere rather than overflow. */
  breakValues?: boolean;
  /** `<dt>`/`<dd>` pairs. */
  children: ReactNode;
}

/** A two-column description list of facts: labels left, values right. */
export function FactList(props: FactListProps) {
  const { dense = false, breakValues = false, children } = props;
  const classes = useStyles();
  const className = [
    classes.root,
    dense ? classes.dense : classes.regular,
    breakValues && classes.breakValues,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Typography variant="body2" component="dl" className={className}>
      {children}
    </Typography>
  );
}
