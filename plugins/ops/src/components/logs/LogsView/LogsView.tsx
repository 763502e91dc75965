import { useCallback, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import Skeleton from '@material-ui/lab/Skeleton';
import { useLocation } from 'react-router-dom';
import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import { useDocumentVisible } from '../useDocumentVisible';
import { useLogHistogram } from '../useLogHistogram';
import { useLogSearch } from '../useLogSearch';
import { useLogTail } from '../useLogTail';
import { useLogUrlState, writeLogQuery } from '../useLogUrlState';
import { useOptionalRouteRef } from '../../shared/useOptionalRouteRef';
import { logsRouteRef } from '../../../routes';
import { combineLogQueries } from '../logQueries';
import { LogContextDialog } from '../LogContextDialog';
import { LogHistogramChart } from '../LogHistogramChart';
import { LogList } from '../LogList';
import { LogQueryBar } from '../LogQueryBar';
import { LogRecordDetails } from '../LogRecordDetails';
import {
  LogTimeRange,
  LogTimeRangeValue,
  resolveTimeRange,
  writeTimeRange,
} from '../LogTimeRange';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { ToolbarRow } from '../../shared/ToolbarRow';
import { LogExportButtons } from './LogExportButtons';

export interface LogsViewProps {
  /**
   * A query ANDed to everything searched here and shown as a chip, e.g.
   * `service:mail-api` on an entity's Logs tab.
   */
  scope?: string;
  /** Height of the record list in pixels. */
  listHeight?: number;
}

/**
 * The log viewer: query bar, time range, level histogram (drag to zoom),
 * the virtualized records with details and context, live tail and export.
 * The query and range live in the URL, so the page can be shared.
 */
export function LogsView(props: LogsViewProps) {
  const { scope, listHeight } = props;
  const { query, range, update } = useLogUrlState();
  // a new run on every Search, so a relative range moves on to now
  const [run, setRun] = useState(0);
  const [tailing, setTailing] = useState(false);
  const [contextRecord, setContextRecord] = useState<LogRecord>();
  const visible = useDocumentVisible();
  const logsPage = useOptionalRouteRef(logsRouteRef);
  const location = useLocation();

  const fullQuery = combineLogQueries(scope, query);
  const searchWindow = useMemo(
    () => ({ query: fullQuery, ...resolveTimeRange(range) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fullQuery, range, run],
  );
  const search = useLogSearch(searchWindow);
  const histogram = useLogHistogram(searchWindow);
  const tail = useLogTail({
    enabled: tailing,
    paused: !visible,
    query: fullQuery,
    // where the search ended, not a record id (the tail has its own cursors)
    startCursor: search.tailCursor,
    onRecords: search.prepend,
  });

  const submit = useCallback(
    (next: string) => {
      update({ query: next });
      setRun(n => n + 1);
    },
    [update],
  );
  const setRange = useCallback(
    (next: LogTimeRangeValue) => update({ range: next }),
    [update],
  );

  // a search for another query: on the Logs page when the app has it,
  // else here (keeping this view's scope)
  const queryHref = useCallback(
    (next: string) => {
      const params = writeTimeRange(
        writeLogQuery(
          new URLSearchParams(logsPage ? '' : location.search),
          next,
        ),
        range,
      );
      return `${logsPage ? logsPage() : location.pathname}?${params}`;
    },
    [logsPage, location.pathname, location.search, range],
  );

  const renderDetails = useCallback(
    (record: LogRecord) => (
      <LogRecordDetails
        record={record}
        onShowContext={setContextRecord}
        queryHref={queryHref}
      />
    ),
    [queryHref],
  );

  // while tailing, a source that fails the tail shows like one that fails the search
  const sources = [
    ...search.sources,
    ...(histogram.value?.sources ?? []),
    ...tail.sources,
  ];

  return (
    <div>
      <Box mb={2}>
        <LogQueryBar value={query} onSubmit={submit} scope={scope} />
      </Box>
      <ToolbarRow>
        <LogTimeRange value={range} onChange={setRange} />
        <FormControlLabel
          control={
            <Switch
              checked={tailing}
              onChange={event => setTailing(event.target.checked)}
              color="primary"
              inputProps={{ role: 'switch', 'aria-label': 'Live tail' }}
            />
          }
          label={
            tailing && !visible
              ? 'Live tail (paused while hidden)'
              : 'Live tail'
          }
        />
        <LogExportButtons searchWindow={searchWindow} />
      </ToolbarRow>
      <SourceStatusBanner sources={sources} />
      {tail.error && (
        <ResponseErrorPanel
          title="Live tail interrupted; retrying"
          error={tail.error}
        />
      )}
      {tail.notice && (
        <Box mb={1}>
          <Alert severity="info">{tail.notice}</Alert>
        </Box>
      )}
      <Paper variant="outlined">
        <Box p={1}>
          {histogram.value && (
            <LogHistogramChart histogram={histogram.value} onZoom={setRange} />
          )}
          {!histogram.value && histogram.error && (
            <ResponseErrorPanel
              title="Could not load the histogram"
              error={histogram.error}
            />
          )}
          {!histogram.value && !histogram.error && (
            <Skeleton variant="rect" height={180} />
          )}
        </Box>
      </Paper>
      <Box height={4} my={1}>
        {search.loading && search.loaded && (
          <LinearProgress aria-label="Loading records" />
        )}
      </Box>
      {search.error && <ResponseErrorPanel error={search.error} />}
      {!search.loaded && (
        <Skeleton
          variant="rect"
          height={listHeight ?? 600}
          aria-label="Loading records"
        />
      )}
      {search.loaded && search.records.length === 0 && !search.error && (
        <EmptyState
          missing="data"
          title="No log records match"
          description="Widen the time range or loosen the query."
        />
      )}
      {search.records.length > 0 && (
        <>
          <LogList
            records={search.records}
            renderDetails={renderDetails}
            height={listHeight}
            onEndReached={search.loadMore}
          />
          <Box mt={1} display="flex" alignItems="center" style={{ gap: 16 }}>
            <Typography variant="body2" color="textSecondary" role="status">
              {search.records.length.toLocaleString()} records
              {search.hasMore ? ', older ones load as you scroll' : ''}
            </Typography>
            {search.hasMore && (
              <Button
                size="small"
                onClick={search.loadMore}
                disabled={search.loading}
              >
                Load older records
              </Button>
            )}
          </Box>
        </>
      )}
      <LogContextDialog
        record={contextRecord}
        onClose={() => setContextRecord(undefined)}
      />
    </div>
  );
}
