import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  DeliverabilityRange,
  TenantDeliverability,
  TenantDetail,
  TenantTimeline,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../api';
import { PolledAsyncState, usePolledAsync } from '../shared/usePolledAsync';

const DELIVERABILITY_REFRESH_MS = 60_000;

/** A tenant's deliverability against the fleet's over a range. */
export function useTenantDeliverability(
  tenantId: string,
  range: DeliverabilityRange,
): PolledAsyncState<TenantDeliverability> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.getTenantDeliverability(tenantId, { range }),
    [opsApi, tenantId, range],
  );
  return usePolledAsync(load, { intervalMs: DELIVERABILITY_REFRESH_MS });
}

/** What changed for a tenant, newest first. */
export function useTenantTimeline(
  tenantId: string,
): PolledAsyncState<TenantTimeline> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.getTenantTimeline(tenantId),
    [opsApi, tenantId],
  );
  return usePolledAsync(load);
}

/** The platform's view of a tenant (admin email masked). */
export function useTenantDetail(
  tenantId: string,
): PolledAsyncState<TenantDetail> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.getTenant(tenantId),
    [opsApi, tenantId],
  );
  return usePolledAsync(load);
}
