import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  QueueHistory,
  QueueHistoryRange,
  QueueOverview,
  QueueSamples,
  TenantNotice,
  TenantNoticeTemplate,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../api';
import { PolledAsyncState, usePolledAsync } from '../shared/usePolledAsync';

/** Refresh interval of the queue overview and history. */
export const QUEUES_REFRESH_INTERVAL_MS = 15_000;

/** Every queue (or one tenant's), with alerts and pauses, reloaded every 15 s. */
export function useQueueOverview(
  tenantId?: string,
): PolledAsyncState<QueueOverview> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.getQueueOverview(tenantId ? { tenantId } : undefined),
    [opsApi, tenantId],
  );
  return usePolledAsync(load, { intervalMs: QUEUES_REFRESH_INTERVAL_MS });
}

/** Depth and throughput history of every queue, or of one tenant's. */
export function useQueueHistory(
  range: QueueHistoryRange,
  tenantId?: string,
): PolledAsyncState<QueueHistory> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.getQueueHistory({ range, tenantId }),
    [opsApi, range, tenantId],
  );
  return usePolledAsync(load, { intervalMs: QUEUES_REFRESH_INTERVAL_MS });
}

/** Recent jobs of a tenant's queues with recipient patterns; unredacted only when asked. */
export function useTenantQueueSamples(
  tenantId: string,
  unredacted: boolean,
): PolledAsyncState<QueueSamples> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () =>
      opsApi.getTenantQueueSamples(
        tenantId,
        unredacted ? { unredacted } : undefined,
      ),
    [opsApi, tenantId, unredacted],
  );
  return usePolledAsync(load);
}

/** Notices sent to (or captured for) a tenant, newest first. */
export function useTenantNotices(
  tenantId: string,
): PolledAsyncState<{ notices: TenantNotice[] }> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.listTenantNotices(tenantId),
    [opsApi, tenantId],
  );
  return usePolledAsync(load);
}

/** The notice templates (loaded once). */
export function useNoticeTemplates(): PolledAsyncState<{
  templates: TenantNoticeTemplate[];
}> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(() => opsApi.listNoticeTemplates(), [opsApi]);
  return usePolledAsync(load);
}
