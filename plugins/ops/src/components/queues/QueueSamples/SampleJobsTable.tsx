import { Fragment, useState } from 'react';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { QueueJobSample } from '@opsconsole/backstage-plugin-ops-common';
import { RelativeTime } from '../../shared/RelativeTime';

const useStyles = makeStyles(theme => ({
  payload: {
    margin: theme.spacing(1, 0),
    padding: theme.spacing(1),
    maxHeight: 320,
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    fontSize: '0.8rem',
    backgroundColor: theme.palette.background.default,
  },
}));

const COLUMN_COUNT = 6;

function JobRow(props: { job: QueueJobSample }) {
  const { job } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <TableRow data-testid={`sample-${job.id}`}>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} payload of job ${job.id}`}
            onClick={() => setOpen(!open)}
          >
            {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          <code>{job.id}</code>
        </TableCell>
        <TableCell>{job.name}</TableCell>
        <TableCell>{job.state}</TableCell>
        <TableCell>
          <RelativeTime value={job.enqueuedAt} />
        </TableCell>
        <TableCell>
          {job.failedReason ??
            (job.attemptsMade ? `${job.attemptsMade} attempts` : '–')}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell
          colSpan={COLUMN_COUNT}
          style={{ paddingTop: 0, paddingBottom: 0 }}
        >
          <Collapse in={open} timeout={0} unmountOnExit>
            <pre
              className={classes.payload}
              aria-label={`Payload of job ${job.id}`}
            >
              {JSON.stringify(job.data, null, 2)}
            </pre>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/** Sampled jobs, each with its (redacted) payload as JSON behind an expander. */
export function SampleJobsTable(props: { jobs: QueueJobSample[] }) {
  const { jobs } = props;
  if (jobs.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No recent jobs to sample.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Sampled jobs">
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          <TableCell>Job</TableCell>
          <TableCell>Name</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Enqueued</TableCell>
          <TableCell>Attempts / failure</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {jobs.map(job => (
          <JobRow key={`${job.queueId}/${job.id}`} job={job} />
        ))}
      </TableBody>
    </Table>
  );
}
