import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AuditEvent,
  EntityHealth,
  EntityHistory,
  FleetSummary,
  HealthRange,
  ProbeResult,
} from '@opsconsole/backstage-plugin-ops-common';

/**
 * An entity reference as accepted by {@link OpsApi}: a string such as
 * `component:default/mail-api` or a compound reference.
 *
 * @public
 */
export type OpsEntityRef = string | CompoundEntityRef;

/**
 * Client of the ops backend (`/api/ops`).
 *
 * @public
 */
export interface OpsApi {
  /** Current status and 24 h / 7 d / 30 d statistics of every health target. */
  getFleetSummary(): Promise<FleetSummary>;

  /** Current status, checks and recent failures of one entity. */
  getEntityHealth(entityRef: OpsEntityRef): Promise<EntityHealth>;

  /** Probe history of one entity in time buckets. */
  getEntityHistory(
    entityRef: OpsEntityRef,
    options?: { range?: HealthRange },
  ): Promise<EntityHistory>;

  /** Probes the entity now and records the result (needs `ops.health.probe`). */
  probeEntity(entityRef: OpsEntityRef): Promise<ProbeResult>;

  /** Operator actions, newest first (needs `ops.audit.read`). */
  listAuditEvents(options?: {
    targetRef?: string;
    limit?: number;
  }): Promise<{ events: AuditEvent[] }>;
}

/**
 * API reference of {@link OpsApi}.
 *
 * @public
 */
export const opsApiRef = createApiRef<OpsApi>({ id: 'plugin.ops.api' });
