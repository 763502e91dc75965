import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  LogRecord,
  SourceStatus,
} from '@opsconsole/backstage-plugin-ops-common';
import { LogQueryWindow, opsApiRef } from '../../api';

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
  /**
   * Where a live tail of this search starts (the first page's `tailCursor`);
   * undefined while a new search runs, or when it failed.
   */
  tailCursor?: string;
  /** Loads the next (older) page; does nothing while loading or at the end. */
  loadMore: () => void;
  /**
   * Adds newer records (newest first) at the top, e.g. from the live tail;
   * records already listed (same id) are left out.
   */
  prepend: (newestFirst: LogRecord[]) => void;
}

interface SearchData {
  records: LogRecord[];
  sources: SourceStatus[];
  nextCursor?: string;
  tailCursor?: string;
  loaded: boolean;
  error?: Error;
}

const EMPTY: SearchData = { records: [], sources: [], loaded: false };

/**
 * The records of `added` not in `listed` (by id). The live tail may bring a
 * record the search showed, and a late record the tail brought may turn up
 * again in an older page.
 */
function unlisted(listed: LogRecord[], added: LogRecord[]): LogRecord[] {
  const ids = new Set(listed.map(r => r.id));
  return added.filter(r => {
    if (ids.has(r.id)) {
      return false;
    }
    ids.add(r.id);
    return true;
  });
}

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
            const records = cursor
              ? previous.records.concat(
                  unlisted(previous.records, page.records),
                )
              : page.records;
            const full = records.length >= MAX_LOG_RECORDS;
            return {
              records: full ? records.slice(0, MAX_LOG_RECORDS) : records,
              sources: page.sources,
              nextCursor: full ? undefined : page.nextCursor,
              tailCursor: cursor ? previous.tailCursor : page.tailCursor,
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
    // the records on screen stay until the answer; the old tail start goes now
    setData(previous =>
      previous.tailCursor === undefined
        ? previous
        : { ...previous, tailCursor: undefined },
    );
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
      // a tail that starts at a search's tailCursor may repeat records of it
      const fresh = unlisted(previous.records, newestFirst);
      if (fresh.length === 0) {
        return previous;
      }
      const records = fresh.concat(previous.records);
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
    tailCursor: data.tailCursor,
    loadMore,
    prepend,
  };
}
