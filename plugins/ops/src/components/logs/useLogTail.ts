import { useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  LogRecord,
  SourceStatus,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../api';
import { errorMessage } from '../shared/format';

/** How long the backend may hold a tail request open. */
export const TAIL_WAIT_SECONDS = 20;

/** Pause after a failed tail request before the next one. */
export const TAIL_RETRY_MS = 5_000;

const NO_SOURCES: SourceStatus[] = [];

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Follows new records of a query while `enabled`: long-polls
 * `GET /logs/tail` with the cursor of the last answer and hands every batch
 * (newest first) to `onRecords`. It starts from `startCursor` (a search's
 * `tailCursor`: where that search ended) or, without one, at now, and starts
 * over from it whenever it changes to a new one (a new search) or the query
 * changes. The first answers may repeat records of that search: the caller
 * de-duplicates. `paused` (e.g. a hidden tab) aborts the request in flight
 * and resumes from the same cursor later, so nothing is missed; so does
 * switching it off and on again. `sources` is how each log source answered
 * the last tail request (empty while disabled), so a source failing during
 * the tail can be shown.
 *
 * A cursor the backend refuses (400, e.g. one written by an older version of a
 * log source) would fail the same way forever: the tail drops it, starts over
 * from now and says so in `notice` (records that came in between are not
 * shown). A failure without a cursor is an `error`, retried after a pause.
 */
export function useLogTail(options: {
  enabled: boolean;
  paused?: boolean;
  query: string;
  startCursor?: string;
  onRecords: (newestFirst: LogRecord[]) => void;
}): { error?: Error; notice?: string; sources: SourceStatus[] } {
  const { enabled, paused = false, query, startCursor, onRecords } = options;
  const opsApi = useApi(opsApiRef);
  const [error, setError] = useState<Error>();
  const [notice, setNotice] = useState<string>();
  const [sources, setSources] = useState<SourceStatus[]>([]);
  // where the tail is: its query, the start it began from, the last cursor
  const cursor = useRef<{ query: string; start?: string; value?: string }>();
  const latest = useRef({ onRecords });
  latest.current = { onRecords };

  useEffect(() => {
    if (!enabled) {
      setSources([]);
      setNotice(undefined);
    }
  }, [enabled]);

  useEffect(() => {
    if (!enabled || paused) {
      return undefined;
    }
    if (
      cursor.current?.query !== query ||
      (startCursor !== undefined && startCursor !== cursor.current.start)
    ) {
      cursor.current = { query, start: startCursor, value: startCursor };
      setNotice(undefined);
    }
    const { start } = cursor.current;
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      while (!signal.aborted) {
        try {
          const page = await opsApi.tailLogs({
            query,
            after: cursor.current?.value,
            waitSeconds: TAIL_WAIT_SECONDS,
            signal,
          });
          if (signal.aborted) {
            return;
          }
          cursor.current = { query, start, value: page.cursor };
          setError(undefined);
          setSources(page.sources);
          if (page.records.length > 0) {
            latest.current.onRecords([...page.records].reverse());
          }
        } catch (e) {
          if (signal.aborted) {
            return;
          }
          if (
            cursor.current?.value !== undefined &&
            ResponseError.is(e) &&
            e.statusCode === 400 &&
            // the cursor was refused, not e.g. the query
            /cursor|\bafter\b/i.test(errorMessage(e))
          ) {
            cursor.current = { query, start, value: undefined };
            setError(undefined);
            setNotice(
              `The live tail could not go on from where it was (${errorMessage(
                e,
              )}), so it started again from now: records that came in between are not shown.`,
            );
            continue;
          }
          setError(e as Error);
          await sleep(TAIL_RETRY_MS, signal);
        }
      }
    })();
    return () => controller.abort();
  }, [enabled, paused, query, startCursor, opsApi]);

  return enabled ? { error, notice, sources } : { sources: NO_SOURCES };
}
