import { useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Popover from '@material-ui/core/Popover';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import { LOG_LEVELS } from '@opsconsole/backstage-plugin-ops-common';

const useStyles = makeStyles(theme => ({
  content: {
    padding: theme.spacing(2),
    maxWidth: 560,
  },
  code: {
    fontFamily: 'monospace',
    whiteSpace: 'nowrap',
  },
}));

/** The query language, one example per kind of term. */
export const LOG_QUERY_SYNTAX: Array<{ example: string; meaning: string }> = [
  {
    example: 'level>=warn',
    meaning: `Level at least warn; also level:error, >, <= and <. Levels: ${LOG_LEVELS.join(
      ', ',
    )}.`,
  },
  { example: 'service:mailer', meaning: 'Records of one service.' },
  { example: 'tenant:acme', meaning: 'Records of one tenant.' },
  { example: '"connection refused"', meaning: 'A phrase in the message.' },
  { example: 'timeout', meaning: 'A word in the message.' },
  { example: '-healthcheck', meaning: 'A leading "-" excludes a term.' },
  { example: 'trace:<id>', meaning: 'Records of one trace.' },
  {
    example: 'attr.key:value',
    meaning: 'An attribute, e.g. attr.region:eu or attr.path:"/a b".',
  },
];

/** A help button opening the query language's reference. */
export function LogQuerySyntaxHelp() {
  const classes = useStyles();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton
        size="small"
        aria-label="Query syntax help"
        aria-haspopup="dialog"
        onClick={event => setAnchor(event.currentTarget)}
      >
        <HelpOutlineIcon fontSize="small" />
      </IconButton>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        PaperProps={{ role: 'dialog', 'aria-label': 'Query syntax' } as object}
      >
        <div className={classes.content}>
          <Typography variant="subtitle2" gutterBottom>
            Terms are separated by spaces and must all match, e.g.{' '}
            <span className={classes.code}>
              level&gt;=warn service:mailer tenant:acme "connection refused"
              -healthcheck
            </span>
          </Typography>
          <Table size="small" aria-label="Query terms">
            <TableBody>
              {LOG_QUERY_SYNTAX.map(row => (
                <TableRow key={row.example}>
                  <TableCell className={classes.code}>{row.example}</TableCell>
                  <TableCell>{row.meaning}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </Popover>
    </>
  );
}
