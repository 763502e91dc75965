import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import FilterListIcon from '@material-ui/icons/FilterList';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { QueueSummary } from '@opsconsole/backstage-plugin-ops-common';
import { formatAge, formatRate } from '../queueFormat';
import { PausedChip, SpikeChip } from '../QueueChips';
import {
  DEFAULT_QUEUE_SORT,
  QueueSort,
  QueueSortKey,
  firstDirection,
  sortQueues,
} from './sortQueues';
import { formatCount } from '../../shared/format';

const ROWS_PER_PAGE_OPTIONS = [25, 50, 100];

type Column = {
  label: string;
  sortKey?: QueueSortKey;
  numeric?: boolean;
};

const COLUMNS: Column[] = [
  { label: 'Queue', sortKey: 'name' },
  { label: 'Tenant', sortKey: 'tenant' },
  { label: 'Source' },
  { label: 'Waiting', sortKey: 'waiting', numeric: true },
  { label: 'Active', numeric: true },
  { label: 'Delayed', numeric: true },
  { label: 'Failed', sortKey: 'failed', numeric: true },
  { label: 'Completed', numeric: true },
  { label: 'Enqueued', sortKey: 'enqueued', numeric: true },
  { label: 'Processed', sortKey: 'processed', numeric: true },
  { label: 'Oldest waiting', sortKey: 'oldest', numeric: true },
  { label: 'State', sortKey: 'anomaly' },
];

function QueueRow(props: {
  queue: QueueSummary;
  onSelectTenant?: (tenantId: string) => void;
}) {
  const { queue, onSelectTenant } = props;
  const { counts } = queue;
  return (
    <TableRow data-testid={`queue-${queue.id}`}>
      <TableCell>{queue.name}</TableCell>
      <TableCell>
        {queue.tenantId ? (
          <Box display="flex" alignItems="center">
            {queue.tenantEntityRef ? (
              <EntityRefLink entityRef={queue.tenantEntityRef}>
                {queue.tenantId}
              </EntityRefLink>
            ) : (
              queue.tenantId
            )}
            {onSelectTenant && (
              <Tooltip title="Show only this tenant">
                <IconButton
                  size="small"
                  aria-label={`Filter to tenant ${queue.tenantId}`}
                  onClick={() => onSelectTenant(queue.tenantId!)}
                >
                  <FilterListIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            )}
          </Box>
        ) : (
          <Typography variant="body2" color="textSecondary">
            shared
          </Typography>
        )}
      </TableCell>
      <TableCell>{queue.source}</TableCell>
      <TableCell align="right">{formatCount(counts.waiting)}</TableCell>
      <TableCell align="right">{formatCount(counts.active)}</TableCell>
      <TableCell align="right">{formatCount(counts.delayed)}</TableCell>
      <TableCell align="right">{formatCount(counts.failed)}</TableCell>
      <TableCell align="right">{formatCount(counts.completed)}</TableCell>
      <TableCell align="right">{formatRate(queue.enqueuedPerMinute)}</TableCell>
      <TableCell align="right">
        {formatRate(queue.processedPerMinute)}
      </TableCell>
      <TableCell align="right">
        {formatAge(queue.oldestWaitingAgeSeconds)}
      </TableCell>
      <TableCell>
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {queue.paused && <PausedChip />}
          {queue.spike && <SpikeChip spike={queue.spike} />}
          {!queue.paused && !queue.spike && (
            <Typography variant="body2" color="textSecondary">
              normal
            </Typography>
          )}
        </Box>
      </TableCell>
    </TableRow>
  );
}

/** @public */
export interface QueueTableProps {
  queues: QueueSummary[];
  /** Offers a "filter to this tenant" button next to each tenant. */
  onSelectTenant?: (tenantId: string) => void;
}

/**
 * Every queue with its job counts, throughput per minute, oldest waiting age
 * and state (paused, spike with severity); sortable, most anomalous first by
 * default, paginated.
 */
export function QueueTable(props: QueueTableProps) {
  const { queues, onSelectTenant } = props;
  const [sort, setSort] = useState<QueueSort>(DEFAULT_QUEUE_SORT);
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(ROWS_PER_PAGE_OPTIONS[1]);
  const sorted = useMemo(() => sortQueues(queues, sort), [queues, sort]);
  const lastPage = Math.max(0, Math.ceil(sorted.length / rowsPerPage) - 1);
  const shownPage = Math.min(page, lastPage);
  const rows = sorted.slice(
    shownPage * rowsPerPage,
    (shownPage + 1) * rowsPerPage,
  );

  const sortBy = (key: QueueSortKey) =>
    setSort(previous =>
      previous.key === key
        ? { key, direction: previous.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: firstDirection(key) },
    );

  return (
    <>
      <Box overflow="auto">
        <Table size="small" aria-label="Queues">
          <TableHead>
            <TableRow>
              {COLUMNS.map(column => (
                <TableCell
                  key={column.label}
                  align={column.numeric ? 'right' : 'left'}
                  sortDirection={
                    column.sortKey === sort.key ? sort.direction : false
                  }
                >
                  {column.sortKey ? (
                    <TableSortLabel
                      active={column.sortKey === sort.key}
                      direction={
                        column.sortKey === sort.key
                          ? sort.direction
                          : firstDirection(column.sortKey)
                      }
                      onClick={() => sortBy(column.sortKey!)}
                    >
                      {column.label}
                    </TableSortLabel>
                  ) : (
                    column.label
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(queue => (
              <QueueRow
                key={queue.id}
                queue={queue}
                onSelectTenant={onSelectTenant}
              />
            ))}
          </TableBody>
        </Table>
      </Box>
      {sorted.length > ROWS_PER_PAGE_OPTIONS[0] && (
        <TablePagination
          component="div"
          count={sorted.length}
          page={shownPage}
          rowsPerPage={rowsPerPage}
          rowsPerPageOptions={ROWS_PER_PAGE_OPTIONS}
          onPageChange={(_event, next) => setPage(next)}
          onRowsPerPageChange={event => {
            setRowsPerPage(Number(event.target.value));
            setPage(0);
          }}
        />
      )}
    </>
  );
}
