import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { LogHistogram } from '@opsconsole/backstage-plugin-ops-common';
import { LogQueryWindow, opsApiRef } from '../../api';
import { PolledAsyncState, usePolledAsync } from '../shared/usePolledAsync';

/** Buckets asked for over any window. */
export const LOG_HISTOGRAM_BUCKETS = 60;

/** The level histogram of a query over its window. */
export function useLogHistogram(
  searchWindow: LogQueryWindow,
): PolledAsyncState<LogHistogram> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () =>
      opsApi.getLogHistogram({
        ...searchWindow,
        buckets: LOG_HISTOGRAM_BUCKETS,
      }),
    [opsApi, searchWindow],
  );
  return usePolledAsync(load);
}
