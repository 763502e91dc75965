/**
 * Status values of draft-inadarei-api-health-check.
 *
 * @public
 */
export type HealthStatus = 'pass' | 'warn' | 'fail';

/**
 * One entry of a `checks` array in an `application/health+json` document.
 *
 * @public
 */
export interface HealthCheckResult {
  componentId?: string;
  componentType: 'component' | 'datastore' | 'system' | string;
  observedValue: number | string | boolean | null;
  observedUnit: string;
  status: HealthStatus;
  /** ISO 8601 time of the measurement. */
  time: string;
  output?: string;
}

/**
 * An `application/health+json` document as served by `GET /health`.
 * Keys of `checks` are `<component>:<measurement>`.
 *
 * @public
 */
export interface HealthDocument {
  status: HealthStatus;
  version: string;
  releaseId: string;
  serviceId: string;
  description: string;
  output?: string;
  checks: Record<string, HealthCheckResult[]>;
}

/**
 * Thresholds the health checks compare their measurements with.
 *
 * @public
 */
export interface HealthThresholds {
  /** `sqlite:responseTime` warns above this many milliseconds. */
  sqliteWarnMs: number;
  /** `memory:utilization` (heap used) warns above this many MiB. */
  heapWarnMiB: number;
  /** `memory:utilization` (RSS) warns above this many MiB. */
  rssWarnMiB: number;
  /** `eventloop:delay` (p99) warns above this many milliseconds. */
  eventLoopWarnMs: number;
  /** `eventloop:delay` (p99) fails above this many milliseconds. */
  eventLoopFailMs: number;
  /** `queue:backlog` warns above this many queued messages. */
  backlogWarn: number;
  /** `queue:backlog` fails above this many queued messages. */
  backlogFail: number;
}

/** @public */
export const DEFAULT_HEALTH_THRESHOLDS: Readonly<HealthThresholds> = {
  sqliteWarnMs: 250,
  heapWarnMiB: 1024,
  rssWarnMiB: 2048,
  eventLoopWarnMs: 100,
  eventLoopFailMs: 1000,
  backlogWarn: 1000,
  backlogFail: 10000,
};
