import { useCallback, useEffect, useRef, useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import useMountedState from 'react-use/esm/useMountedState';

/** State of {@link usePolledAsync}. */
export interface PolledAsyncState<T> {
  /** The last value loaded; kept while reloading and after a failed reload. */
  value?: T;
  /** The error of the last load, cleared by the next successful one. */
  error?: Error;
  /** True while a load is in flight (including background reloads). */
  loading: boolean;
  /** When the value was last loaded successfully (epoch ms). */
  loadedAt?: number;
  /** Loads again now. */
  refresh: () => void;
}

/**
 * Loads a value and, when `intervalMs` is set and `enabled` is not false,
 * reloads it on that interval while the document is visible. Unlike
 * `useAsync`, the previous value stays while reloading and when a reload fails,
 * so pages refresh without flicker. Responses that arrive out of order are
 * dropped.
 *
 * `load` should be memoized (useCallback): a new function triggers a load.
 */
export function usePolledAsync<T>(
  load: () => Promise<T>,
  options: { intervalMs?: number; enabled?: boolean } = {},
): PolledAsyncState<T> {
  const { intervalMs, enabled = true } = options;
  const [state, setState] = useState<Omit<PolledAsyncState<T>, 'refresh'>>({
    loading: true,
  });
  const latestRequest = useRef(0);
  const isMounted = useMountedState();

  const refresh = useCallback(() => {
    const request = ++latestRequest.current;
    setState(previous => ({ ...previous, loading: true }));
    load().then(
      value => {
        if (isMounted() && request === latestRequest.current) {
          setState({ value, loading: false, loadedAt: Date.now() });
        }
      },
      error => {
        if (isMounted() && request === latestRequest.current) {
          setState(previous => ({ ...previous, error, loading: false }));
        }
      },
    );
  }, [load, isMounted]);

  useEffect(refresh, [refresh]);

  useInterval(
    () => {
      if (typeof document === 'undefined' || !document.hidden) {
        refresh();
      }
    },
    enabled && intervalMs ? intervalMs : null,
  );

  return { ...state, refresh };
}
