import {
  QueueSpikeAlert,
  TenantQueuePause,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { StoredPause, StoredSpikeAlert } from './QueueStore';

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** A stored spike alert as the API answers it. */
export function toSpikeAlert(a: StoredSpikeAlert): QueueSpikeAlert {
  return {
    id: a.id,
    tenantId: a.tenantId,
    tenantEntityRef: tenantEntityRef(a.tenantId),
    severity: a.severity,
    status: a.status,
    startedAt: iso(a.startedAt)!,
    ...(a.resolvedAt !== undefined && { resolvedAt: iso(a.resolvedAt) }),
    ratePerMinute: a.ratePerMinute,
    peakRatePerMinute: a.peakRatePerMinute,
    baselinePerMinute: a.baselinePerMinute,
    message: a.message,
  };
}

/** A tenant's pause state as the API answers it (not paused when nothing is stored). */
export function toTenantQueuePause(
  tenantId: string,
  p: StoredPause | undefined,
): TenantQueuePause {
  const base = { tenantId, tenantEntityRef: tenantEntityRef(tenantId) };
  if (!p?.paused) return { ...base, paused: false };
  return {
    ...base,
    paused: true,
    ...(p.reason !== undefined && { reason: p.reason }),
    ...(p.pausedBy !== undefined && { pausedBy: p.pausedBy }),
    ...(p.pausedAt !== undefined && { pausedAt: iso(p.pausedAt) }),
    ...(p.autoResumeAt !== undefined && { autoResumeAt: iso(p.autoResumeAt) }),
  };
}
