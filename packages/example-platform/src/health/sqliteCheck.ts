import { PlatformRepository } from '../db/repository';
import { round, statusFromThresholds } from './status';
import { HealthCheckResult } from './types';

/**
 * `sqlite:responseTime`: times a `SELECT 1` against the platform database.
 * Fails when the query throws.
 */
export function checkSqlite(
  repository: PlatformRepository,
  warnMs: number,
  now: () => Date = () => new Date(),
): HealthCheckResult {
  const started = process.hrtime.bigint();
  try {
    repository.ping();
  } catch (error) {
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      componentId: 'example-platform-db',
      componentType: 'datastore',
      observedValue: round(elapsedMs, 3),
      observedUnit: 'ms',
      status: 'fail',
      time: now().toISOString(),
      output: `SELECT 1 failed: ${(error as Error).message}`,
    };
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const status = statusFromThresholds(elapsedMs, warnMs);
  return {
    componentId: 'example-platform-db',
    componentType: 'datastore',
    observedValue: round(elapsedMs, 3),
    observedUnit: 'ms',
    status,
    time: now().toISOString(),
    ...(status === 'pass'
      ? {}
      : { output: `SELECT 1 took longer than ${warnMs} ms` }),
  };
}
