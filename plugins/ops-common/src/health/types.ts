import { everyValue } from '../schema/everyValue';
// The ops API's health and audit resources under the names the code uses; the shapes are
// generated from plugins/ops-backend/src/schema/openapi.yaml.

import type { OpsApiComponents, OpsApiQuery } from '../schema';

type Schemas = OpsApiComponents['schemas'];

/** @public */
export type HealthStatus = Schemas['HealthStatus'];

/** @public */
export type HealthRange = Schemas['HealthRange'];

/** @public */
export const HEALTH_RANGES = everyValue<HealthRange>()([
  '1h',
  '24h',
  '7d',
  '30d',
] as const);

/** @public */
export type SourceStatus = Schemas['SourceStatus'];

/** @public */
export type HealthCheck = Schemas['HealthCheck'];

/** @public */
export type WindowStats = Schemas['WindowStats'];

/** @public */
export type TargetSummary = Schemas['TargetSummary'];

/** @public */
export type FleetSummary = Schemas['FleetSummary'];

/** @public */
export type ProbeFailure = Schemas['ProbeFailure'];

/** @public */
export type EntityHealth = Schemas['EntityHealth'];

/** @public */
export type HistoryBucket = Schemas['HistoryBucket'];

/** @public */
export type EntityHistory = Schemas['EntityHistory'];

/** @public */
export type ProbeResult = Schemas['ProbeResult'];

/** @public */
export type AuditEvent = Schemas['AuditEvent'];

/** Answer of `GET /audit`. @public */
export type AuditPage = Schemas['AuditPage'];

/** Query of `GET /audit`. @public */
export type AuditEventsQuery = OpsApiQuery<'ListAuditEvents'>;
