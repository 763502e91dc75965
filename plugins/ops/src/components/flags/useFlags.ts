import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  FlagDetail,
  FlagList,
  TenantFlags,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../api';
import { PolledAsyncState, usePolledAsync } from '../shared/usePolledAsync';

/**
 * How often a tenant's flags are reloaded: the last evaluation the platform
 * asked for shows up without a manual refresh.
 */
export const TENANT_FLAGS_REFRESH_MS = 15_000;

/** Every flag with its global state and number of overrides. */
export function useFlagList(options: {
  includeArchived: boolean;
}): PolledAsyncState<FlagList> {
  const opsApi = useApi(opsApiRef);
  const { includeArchived } = options;
  const load = useCallback(
    () => opsApi.listFlags({ includeArchived }),
    [opsApi, includeArchived],
  );
  return usePolledAsync(load);
}

/** One flag with its overrides and change history. */
export function useFlagDetail(key: string): PolledAsyncState<FlagDetail> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(() => opsApi.getFlag(key), [opsApi, key]);
  return usePolledAsync(load);
}

/** The effective value of every flag for a tenant, reloaded every 15 s. */
export function useTenantFlags(
  tenantId: string,
): PolledAsyncState<TenantFlags> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.getTenantFlags(tenantId),
    [opsApi, tenantId],
  );
  return usePolledAsync(load, { intervalMs: TENANT_FLAGS_REFRESH_MS });
}
