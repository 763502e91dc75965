// Types of the ops API's feature-flag resources. They mirror
// plugins/ops-backend/src/schema/openapi.yaml (the contract); ops-backend checks its
// service answers against these types at compile time.

import { SourceStatus } from '../health/types';

/** @public */
export const FLAG_TYPES = ['boolean', 'string', 'number', 'object'] as const;

/** The type of every variant value of a flag. @public */
export type FlagType = (typeof FLAG_TYPES)[number];

/** A variant value: boolean, string, number or JSON object, matching the flag's type. @public */
export type FlagValue = boolean | string | number | Record<string, unknown>;

/**
 * OpenFeature reasons the console answers with. TARGETING_MATCH: a tenant override;
 * DISABLED: the kill switch; SPLIT: the rollout bucket decided; STATIC: no rollout.
 * @public
 */
export type FlagEvaluationReason =
  | 'TARGETING_MATCH'
  | 'DISABLED'
  | 'SPLIT'
  | 'DEFAULT'
  | 'STATIC'
  | 'ERROR';

/** Why a tenant gets the answer it gets, in evaluation order. @public */
export type FlagResolutionWhy =
  | 'override'
  | 'kill-switch'
  | 'rollout'
  | 'default'
  | 'error';

/** @public */
export interface Flag {
  key: string;
  name: string;
  description: string;
  type: FlagType;
  /** Variant name → value. */
  variants: Record<string, FlagValue>;
  /** Served outside the rollout, and to everyone while the kill switch is on. */
  defaultVariant: string;
  /** 0–100: share of bucketing values (tenants by default) served `rolloutVariant`. */
  rolloutPercentage: number;
  rolloutVariant?: string | null;
  /** Context attribute hashed for sticky bucketing; default `tenantId`. */
  bucketBy: string;
  killSwitch: boolean;
  /** Archived flags are not served over OFREP. */
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface FlagSummary {
  flag: Flag;
  overrideCount: number;
}

/** @public */
export interface FlagList {
  flags: FlagSummary[];
}

/** @public */
export interface FlagOverride {
  flagKey: string;
  tenantId: string;
  variant: string;
  reason: string;
  actor: string;
  updatedAt: string;
}

/** @public */
export type FlagChangeAction =
  | 'flag-create'
  | 'flag-update'
  | 'flag-override-set'
  | 'flag-override-remove';

/** One entry of a flag's change history. @public */
export interface FlagChange {
  id: string;
  flagKey: string;
  /** Set for override changes. */
  tenantId?: string;
  action: FlagChangeAction;
  actor: string;
  reason: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  time: string;
}

/** @public */
export interface FlagDetail {
  flag: Flag;
  overrides: FlagOverride[];
  /** Newest first, at most 100. */
  history: FlagChange[];
}

/** @public */
export interface CreateFlagRequest {
  key: string;
  name: string;
  description?: string;
  type: FlagType;
  variants: Record<string, FlagValue>;
  defaultVariant: string;
  rolloutPercentage?: number;
  rolloutVariant?: string | null;
  bucketBy?: string;
  killSwitch?: boolean;
  reason?: string;
}

/** The fields to change; absent fields keep their value. @public */
export interface FlagPatch {
  name?: string;
  description?: string;
  variants?: Record<string, FlagValue>;
  defaultVariant?: string;
  rolloutPercentage?: number;
  rolloutVariant?: string | null;
  bucketBy?: string;
  killSwitch?: boolean;
  archived?: boolean;
}

/** @public */
export interface UpdateFlagRequest {
  /** Required: why the change is made. */
  reason: string;
  change: FlagPatch;
}

/** @public */
export interface SetFlagOverrideRequest {
  variant: string;
  reason: string;
}

/**
 * A proposed change to preview: flag fields and/or one tenant override (`variant: null`
 * removes it). Tenants compared: `tenantIds` when given, else every Tenant entity.
 * @public
 */
export interface FlagPreviewRequest {
  change?: FlagPatch;
  override?: { tenantId: string; variant: string | null };
  tenantIds?: string[];
}

/** What a tenant gets for a flag and why. @public */
export interface FlagResolution {
  value?: unknown;
  variant?: string;
  reason: FlagEvaluationReason;
  why: FlagResolutionWhy;
  /** The tenant's rollout bucket, 0 ≤ bucket < 100. */
  bucket?: number;
  errorCode?: string;
  errorDetails?: string;
}

/** @public */
export interface FlagPreviewChange {
  tenantId: string;
  before: FlagResolution;
  after: FlagResolution;
}

/** @public */
export interface FlagPreview {
  flagKey: string;
  tenantsCompared: number;
  tenantsChanged: number;
  /** The tenants whose answer changes. */
  changes: FlagPreviewChange[];
  sources: SourceStatus[];
}

/** The last OFREP answer the console served for a flag to a tenant. @public */
export interface FlagLastEvaluation {
  flagKey: string;
  tenantId: string;
  value?: unknown;
  variant?: string;
  reason: string;
  errorCode?: string;
  time: string;
}

/** @public */
export interface TenantFlagState {
  flag: Flag;
  resolution: FlagResolution;
  override?: FlagOverride;
  lastEvaluation?: FlagLastEvaluation;
}

/** @public */
export interface TenantFlags {
  tenantId: string;
  flags: TenantFlagState[];
}
