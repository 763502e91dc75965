import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { EntityHealth } from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../api';
import { PolledAsyncState, usePolledAsync } from '../shared/usePolledAsync';

/** Current health of one entity, optionally reloaded on an interval. */
export function useEntityHealth(
  entityRef: string,
  options: { intervalMs?: number } = {},
): PolledAsyncState<EntityHealth> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.getEntityHealth(entityRef),
    [opsApi, entityRef],
  );
  return usePolledAsync(load, { intervalMs: options.intervalMs });
}
