import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AuditEvent,
  CreateFlagRequest,
  DeliverabilityRange,
  EntityHealth,
  EntityHistory,
  Flag,
  FlagDetail,
  FlagList,
  FlagOverride,
  FlagPreview,
  FlagPreviewRequest,
  FleetSummary,
  HealthRange,
  ProbeResult,
  SetFlagOverrideRequest,
  TenantDeliverability,
  TenantDetail,
  TenantFlags,
  TenantTimeline,
  TenantUsers,
  UpdateFlagRequest,
  UserDetail,
  UserSearchResult,
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

  /** Every flag with its global state and number of overrides (`ops.flags.read`). */
  listFlags(options?: { includeArchived?: boolean }): Promise<FlagList>;

  /** A flag with its tenant overrides and change history (`ops.flags.read`). */
  getFlag(key: string): Promise<FlagDetail>;

  /** Creates a flag (`ops.flags.manage`; audited). */
  createFlag(request: CreateFlagRequest): Promise<Flag>;

  /**
   * Changes a flag's global state: rollout, kill switch, variants, archive
   * (`ops.flags.manage`; reason required; audited).
   */
  updateFlag(key: string, request: UpdateFlagRequest): Promise<Flag>;

  /** How many tenants change answer under a proposed change; stores nothing. */
  previewFlagChange(
    key: string,
    request: FlagPreviewRequest,
  ): Promise<FlagPreview>;

  /**
   * Serves a variant to one tenant whatever the rollout or kill switch
   * (`ops.tenant.flags.override` on the tenant; reason required; audited).
   */
  setFlagOverride(
    key: string,
    tenantId: string,
    request: SetFlagOverrideRequest,
  ): Promise<FlagOverride>;

  /** Removes a tenant's override (`ops.tenant.flags.override`; audited). */
  removeFlagOverride(
    key: string,
    tenantId: string,
    options: { reason: string },
  ): Promise<void>;

  /**
   * The effective value of every flag for a tenant, why, and the last
   * evaluation the console served to it (`ops.flags.read`).
   */
  getTenantFlags(tenantId: string): Promise<TenantFlags>;

  /** The platform's view of one tenant (`ops.tenants.read`). */
  getTenant(
    tenantId: string,
    options?: { reveal?: boolean },
  ): Promise<TenantDetail>;

  /**
   * The users of one tenant (`ops.users.read`); emails masked unless
   * `reveal` (needs `ops.users.pii.read`; audited).
   */
  listTenantUsers(
    tenantId: string,
    options?: { reveal?: boolean },
  ): Promise<TenantUsers>;

  /** The tenant's deliverability against the fleet's (`ops.tenants.read`). */
  getTenantDeliverability(
    tenantId: string,
    options?: { range?: DeliverabilityRange },
  ): Promise<TenantDeliverability>;

  /** What changed for a tenant, newest first (`ops.tenants.read` + `ops.audit.read`). */
  getTenantTimeline(
    tenantId: string,
    options?: { limit?: number },
  ): Promise<TenantTimeline>;

  /**
   * Users of every tenant whose email, name or id contains `query` (at least
   * 2 characters; `ops.users.read`). `reveal` unmasks emails (needs
   * `ops.users.pii.read`; audited).
   */
  searchUsers(options: {
    query: string;
    limit?: number;
    reveal?: boolean;
  }): Promise<UserSearchResult>;

  /** A user's memberships, logins and login pattern (`ops.users.read`). */
  getUser(userId: string, options?: { reveal?: boolean }): Promise<UserDetail>;
}

/**
 * API reference of {@link OpsApi}.
 *
 * @public
 */
export const opsApiRef = createApiRef<OpsApi>({ id: 'plugin.ops.api' });
