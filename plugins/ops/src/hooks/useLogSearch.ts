import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  LogRecord,
  SourceStatus,
} from '@opsconsole/backstage-plugin-ops-common';
import { LogQueryWindow, opsApiRef } from '../api';

/** Records asked for per page. */
export const LOG_PAGE_SIZE = 500;

/** The most records kept in the list; older ones are dropped beyond it. */
export const MAX_LOG_RECORDS = 100_000;

/** State of {@link useLogSearch}. */
export interface LogSearchState {
  /** Newest first. */
  records: LogRecord[];
  sources: SourceStatus[];
  /** True while the first page or a further page is loading. */
  loading: boolean;
  /** Whether `records` holds the answer of the current search yet. */
  loaded: boolean;
  error?: Error;
  /** Whether older records can be loaded. */
  hasMore: boolean;
  /** Loads the next (older) page; does nothing while loading or at the end. */
  loadMore: () => void;
  /** Adds newer records (newest first) at the top, e.g. from the live tail. */
  prepend: (newestFirst: LogRecord[]) => void;
}

interface SearchData {
  records: LogRecord[];
  sources: SourceStatus[];
  nextCursor?: string;
  loaded: boolean;
  error?: Error;
}

const EMPTY: SearchData = { records: [], sources: [], loaded: false };

/**
 * The records matching a query, page by page (newest first). A new `searchWindow`
 * object starts a new search; the previous records stay on screen until its
 * first page arrives, and answers of older searches are dropped.
 */
export function useLogSearch(searchWindow: LogQueryWindow): LogSearchState {
  const opsApi = useApi(opsApiRef);
  const [data, setData] = useState<SearchData>(EMPTY);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loadingRef = useRef(false);

  const fetchPage = useCallback(
    (cursor: string | undefined) => {
      const current = generation.current;
      loadingRef.current = true;
      setLoading(true);
      opsApi.searchLogs({ ...searchWindow, limit: LOG_PAGE_SIZE, cursor }).then(
        page => {
          if (current !== generation.current) {
            return;
          }
          loadingRef.current = false;
          setLoading(false);
          setData(previous => {
            const kept = cursor ? previous.records : [];
            const records = kept.concat(page.records);
            const full = records.length >= MAX_LOG_RECORDS;
            return {
              records: full ? records.slice(0, MAX_LOG_RECORDS) : records,
              sources: page.sources,
              nextCursor: full ? undefined : page.nextCursor,
              loaded: true,
            };
          });
        },
        error => {
          if (current !== generation.current) {
            return;
          }
          loadingRef.current = false;
          setLoading(false);
          setData(previous =>
            cursor ? { ...previous, error } : { ...EMPTY, loaded: true, error },
          );
        },
      );
    },
    [opsApi, searchWindow],
  );

  useEffect(() => {
    generation.current++;
    fetchPage(undefined);
  }, [fetchPage]);

  const { nextCursor } = data;
  const loadMore = useCallback(() => {
    if (!loadingRef.current && nextCursor) {
      fetchPage(nextCursor);
    }
  }, [fetchPage, nextCursor]);

  const prepend = useCallback((newestFirst: LogRecord[]) => {
    if (newestFirst.length === 0) {
      return;
    }
    setData(previous => {
      const records = newestFirst.concat(previous.records);
      if (records.length <= MAX_LOG_RECORDS) {
        return { ...previous, records };
      }
      // the oldest records fall off the end: their page cursor no longer fits
      return {
        ...previous,
        records: records.slice(0, MAX_LOG_RECORDS),
        nextCursor: undefined,
      };
    });
  }, []);

  return {
    records: data.records,
    sources: data.sources,
    loading,
    loaded: data.loaded,
    error: data.error,
    hasMore: Boolean(nextCursor),
    loadMore,
    prepend,
  };
}
