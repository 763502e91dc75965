import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  LogTimeRangeValue,
  readTimeRange,
  writeTimeRange,
} from './LogTimeRange';

/** The log viewer's state in the URL: `q` and `range` or `from` + `to`. */
export interface LogUrlState {
  query: string;
  range: LogTimeRangeValue;
  /** Changes the query and/or range, keeping the URL's other parameters. */
  update: (next: { query?: string; range?: LogTimeRangeValue }) => void;
}

/** Writes a query into search params (in place); an empty query is left out. */
export function writeLogQuery(
  params: URLSearchParams,
  query: string,
): URLSearchParams {
  if (query) {
    params.set('q', query);
  } else {
    params.delete('q');
  }
  return params;
}

/**
 * The query and time range of the log viewer, kept in the URL's search params
 * so a search can be shared as a link and the back button undoes it.
 */
export function useLogUrlState(): LogUrlState {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q') ?? '';
  const rangeKey = ['range', 'from', 'to']
    .map(name => searchParams.get(name))
    .join('|');
  // a new object only when the range itself changes
  const range = useMemo(
    () => readTimeRange(searchParams),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rangeKey],
  );
  const update = useCallback(
    (next: { query?: string; range?: LogTimeRangeValue }) =>
      setSearchParams(previous => {
        const params = new URLSearchParams(previous);
        if (next.query !== undefined) {
          writeLogQuery(params, next.query);
        }
        if (next.range) {
          writeTimeRange(params, next.range);
        }
        return params;
      }),
    [setSearchParams],
  );
  return { query, range, update };
}
