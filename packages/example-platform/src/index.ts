/**
 * The example platform: a small multi-tenant email-sending platform (api,
 * worker and scheduler roles) that the Ops Console observes in dev and in
 * end-to-end tests.
 *
 * @packageDocumentation
 */

export { startPlatform, startRoles } from './platform';
export type {
  PlatformOptions,
  RunningPlatform,
  RunningRoles,
  StartRolesOptions,
} from './platform';
export { DEFAULT_PORTS, ROLE_NAMES } from './roles/roleNames';
export type { RoleName } from './roles/roleNames';
export { DEFAULT_SLOW_DELAY_MS, FAULT_MODES } from './admin/faultState';
export type { Fault, FaultMode } from './admin/faultState';
export { DEFAULT_HEALTH_THRESHOLDS } from './health/types';
export type {
  HealthCheckResult,
  HealthDocument,
  HealthStatus,
  HealthThresholds,
} from './health/types';
export { HEALTH_CONTENT_TYPE } from './health/buildHealthDocument';
export type { TrafficOptions } from './traffic/options';
export { createConsoleLogger, silentLogger } from './logger';
export type { PlatformLogger, PlatformLogLevel } from './logger';
export { DEV_API_TOKEN } from './adminApi/auth';
export { ADMIN_API_BASE_PATH } from './adminApi/router';
export type {
  AdminApiDeliverabilityPoint,
  AdminApiFeatureEvaluation,
  AdminApiLogin,
  AdminApiTenant,
  AdminApiUser,
} from './adminApi/types';
export { AI_COMPOSER_FLAG } from './features/TenantFeatures';
export type { OfrepOptions } from './features/TenantFeatures';
export type { OtlpLogsOptions } from './telemetry/otlpLogs';
export { LOG_SERVICE_NAMES } from './telemetry/serviceNames';
export {
  DEFAULT_ERROR_BURST_COUNT,
  DEFAULT_ERROR_BURST_MESSAGE,
  MAX_ERROR_BURST_COUNT,
} from './admin/errorBurst';
export type { RedisQueueOptions } from './queue/createOutboundQueue';
export type { OutboundEmail } from './queue/types';
export { outboundQueueName, OUTBOUND_QUEUE_PREFIX } from './queue/queueNames';
export { DEFAULT_REDIS_QUEUE_PREFIX } from './queue/BullMqOutboundQueue';
export { deleteRedisPrefix } from './queue/deleteRedisPrefix';
export type { CompromiseState } from './compromise/CompromiseSimulator';
export type {
  AdminApiQueueJob,
  AdminApiQueueJobState,
  AdminApiQueueSnapshot,
} from './adminApi/types';
