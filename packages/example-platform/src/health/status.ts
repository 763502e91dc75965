import { HealthStatus } from './types';

const SEVERITY: Record<HealthStatus, number> = { pass: 0, warn: 1, fail: 2 };

/** The most severe of the given statuses (`pass` when there are none). */
export function worstStatus(statuses: Iterable<HealthStatus>): HealthStatus {
  let worst: HealthStatus = 'pass';
  for (const status of statuses) {
    if (SEVERITY[status] > SEVERITY[worst]) {
      worst = status;
    }
  }
  return worst;
}

/** `fail` above `failAbove`, `warn` above `warnAbove`, otherwise `pass`. */
export function statusFromThresholds(
  value: number,
  warnAbove: number,
  failAbove: number = Infinity,
): HealthStatus {
  if (value > failAbove) {
    return 'fail';
  }
  if (value > warnAbove) {
    return 'warn';
  }
  return 'pass';
}

/** HTTP status code for a health status: 200 for pass/warn, 503 for fail. */
export function httpStatusFor(status: HealthStatus): number {
  return status === 'fail' ? 503 : 200;
}

/** Rounds to a fixed number of decimals, keeping the result a number. */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
