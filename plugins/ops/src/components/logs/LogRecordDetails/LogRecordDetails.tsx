import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  LogRecord,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { useServiceEntity } from '../useServiceEntity';
import { formatAbsolute } from '../../shared/format';
import { logFieldQuery } from '../logQueries';
import { logBodyText } from '../logText';

const useStyles = makeStyles(theme => ({
  body: {
    fontFamily: 'monospace',
    fontSize: 12,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    margin: theme.spacing(0, 0, 1),
    maxHeight: 240,
    overflow: 'auto',
  },
  table: {
    '& td': {
      fontFamily: 'monospace',
      fontSize: 12,
      padding: theme.spacing(0.25, 1),
      wordBreak: 'break-all',
      verticalAlign: 'top',
    },
    '& td:first-child': {
      width: 200,
      color: theme.palette.text.secondary,
    },
  },
  actions: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'center',
    marginTop: theme.spacing(1),
  },
}));

function ServiceLink(props: { service: string }) {
  const entity = useServiceEntity(props.service);
  return entity ? (
    <EntityRefLink entityRef={entity}>{props.service}</EntityRefLink>
  ) : (
    <>{props.service}</>
  );
}

export interface LogRecordDetailsProps {
  record: LogRecord;
  /** Opens the records around this one. */
  onShowContext: (record: LogRecord) => void;
  /** The link of a search for `query` (e.g. `trace:<id>`). */
  queryHref: (query: string) => string;
}

/**
 * An expanded log record: the whole message as text, its fields and
 * attributes, links to its trace's records, its tenant's page and its
 * service's entity, and "Show context".
 */
export function LogRecordDetails(props: LogRecordDetailsProps) {
  const { record, onShowContext, queryHref } = props;
  const classes = useStyles();
  const attributes = Object.entries(record.attributes ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <div>
      <pre className={classes.body} aria-label="Message">
        {logBodyText(record.body)}
      </pre>
      <Table size="small" className={classes.table} aria-label="Attributes">
        <TableBody>
          <TableRow>
            <TableCell>time</TableCell>
            <TableCell>
              {record.time} ({formatAbsolute(record.time)})
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell>level</TableCell>
            <TableCell>{record.level}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>service</TableCell>
            <TableCell>
              <ServiceLink service={record.service} />
            </TableCell>
          </TableRow>
          {record.tenantId && (
            <TableRow>
              <TableCell>tenant</TableCell>
              <TableCell>
                <EntityRefLink entityRef={tenantEntityRef(record.tenantId)}>
                  {record.tenantId}
                </EntityRefLink>
              </TableCell>
            </TableRow>
          )}
          {record.traceId && (
            <TableRow>
              <TableCell>trace</TableCell>
              <TableCell>
                <Link
                  to={queryHref(logFieldQuery('trace', record.traceId))}
                  title="Every record of this trace"
                >
                  {record.traceId}
                </Link>
              </TableCell>
            </TableRow>
          )}
          {record.spanId && (
            <TableRow>
              <TableCell>span</TableCell>
              <TableCell>{record.spanId}</TableCell>
            </TableRow>
          )}
          {attributes.map(([key, value]) => (
            <TableRow key={key}>
              <TableCell>{logBodyText(key)}</TableCell>
              <TableCell>{logBodyText(String(value))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={classes.actions}>
        <Button
          size="small"
          variant="outlined"
          onClick={() => onShowContext(record)}
        >
          Show context
        </Button>
        <Typography variant="caption" color="textSecondary">
          id {record.id}
        </Typography>
      </div>
    </div>
  );
}
