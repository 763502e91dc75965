// Types of the ops API's user resources. They mirror plugins/ops-backend/src/schema/openapi.yaml
// (the contract); ops-backend checks its service answers against these types at compile time.

import { SourceStatus } from '../health/types';
import { TenantRef } from '../tenants/types';

/** @public */
export type UserStatus = 'active' | 'invited' | 'disabled';

/**
 * A platform user as the console shows it. `email` is masked (`j***@acme.example`) unless the
 * answer is revealed.
 * @public
 */
export interface UserSummary {
  id: string;
  name: string;
  email: string;
  tenant: TenantRef;
  role: string;
  status: UserStatus;
  lastLoginAt?: string;
  /** Id of the platform provider that answered. */
  source: string;
}

/** Answer of `GET /users/search`. @public */
export interface UserSearchResult {
  query: string;
  users: UserSummary[];
  /** True when emails are unmasked (reveal=true with `ops.users.pii.read`; audited). */
  revealed: boolean;
  sources: SourceStatus[];
}

/** Answer of `GET /tenants/{tenantId}/users`. @public */
export interface TenantUsers {
  tenant: TenantRef;
  users: UserSummary[];
  revealed: boolean;
  sources: SourceStatus[];
}

/**
 * One tenant account of the person: the user itself and every account with the same email
 * address in another tenant.
 * @public
 */
export interface UserMembership {
  userId: string;
  tenant: TenantRef;
  role: string;
  status: UserStatus;
  lastLoginAt?: string;
  source: string;
}

/** One login attempt. `ip` is masked (`203.0.*.*`) unless the answer is revealed. @public */
export interface UserLogin {
  at: string;
  success: boolean;
  ip: string;
  /** ISO 3166 alpha-2, when the platform knows it. */
  country?: string;
  userAgent?: string;
}

/** Logins of one UTC day. @public */
export interface LoginDay {
  start: string;
  succeeded: number;
  failed: number;
}

/** @public */
export type UnusualLoginKind = 'country' | 'ip' | 'failed-burst';

/**
 * A login source flagged as unusual: a country or IP rare in the user's own history, or a
 * burst of failed logins. `reason` says why, in words.
 * @public
 */
export interface UnusualLoginSource {
  kind: UnusualLoginKind;
  /** The country, the IP (masked unless revealed), or the burst's main IP. */
  value: string;
  count: number;
  firstAt: string;
  lastAt: string;
  reason: string;
}

/** @public */
export interface LoginPattern {
  from: string;
  to: string;
  /** One bucket per UTC day, oldest first. */
  days: LoginDay[];
  unusual: UnusualLoginSource[];
}

/** Answer of `GET /users/{userId}`. @public */
export interface UserDetail {
  user: UserSummary;
  memberships: UserMembership[];
  /** The last 30 days, newest first. */
  logins: UserLogin[];
  pattern: LoginPattern;
  revealed: boolean;
  sources: SourceStatus[];
}
