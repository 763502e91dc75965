import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { FleetSummary } from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../api';
import { PolledAsyncState, usePolledAsync } from '../shared/usePolledAsync';

/** Refresh interval of the fleet grid. */
export const FLEET_REFRESH_INTERVAL_MS = 15_000;

/** The fleet summary, reloaded every 15 s while `autoRefresh` is on. */
export function useFleetSummary(options: {
  autoRefresh: boolean;
}): PolledAsyncState<FleetSummary> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(() => opsApi.getFleetSummary(), [opsApi]);
  return usePolledAsync(load, {
    intervalMs: FLEET_REFRESH_INTERVAL_MS,
    enabled: options.autoRefresh,
  });
}
