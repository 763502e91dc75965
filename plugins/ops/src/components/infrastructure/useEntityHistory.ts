import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityHistory,
  HealthRange,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../api';
import { PolledAsyncState, usePolledAsync } from '../shared/usePolledAsync';

/** Probe history of one entity over a range. */
export function useEntityHistory(
  entityRef: string,
  range: HealthRange,
  options: { intervalMs?: number } = {},
): PolledAsyncState<EntityHistory> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.getEntityHistory(entityRef, { range }),
    [opsApi, entityRef, range],
  );
  return usePolledAsync(load, { intervalMs: options.intervalMs });
}
