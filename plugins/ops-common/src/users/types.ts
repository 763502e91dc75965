// The ops API's user resources under the names the code uses; the shapes are generated from
// plugins/ops-backend/src/schema/openapi.yaml.

import type { OpsApiComponents } from '../schema';

type Schemas = OpsApiComponents['schemas'];

/** @public */
export type UserStatus = Schemas['UserStatus'];

/** A platform user as the console shows it. @public */
export type UserSummary = Schemas['UserSummary'];

/** Answer of `GET /users/search`. @public */
export type UserSearchResult = Schemas['UserSearchResult'];

/** Answer of `GET /tenants/{tenantId}/users`. @public */
export type TenantUsers = Schemas['TenantUsers'];

/** One tenant account of the person. @public */
export type UserMembership = Schemas['UserMembership'];

/** One login attempt. @public */
export type UserLogin = Schemas['UserLogin'];

/** Logins of one UTC day. @public */
export type LoginDay = Schemas['LoginDay'];

/** @public */
export type UnusualLoginKind = Schemas['UnusualLoginKind'];

/** A login source flagged as unusual. @public */
export type UnusualLoginSource = Schemas['UnusualLoginSource'];

/** @public */
export type LoginPattern = Schemas['LoginPattern'];

/** Answer of `GET /users/{userId}`. @public */
export type UserDetail = Schemas['UserDetail'];
