import { PlatformRepository } from '../db/repository';
import { checkEventLoop } from './eventLoopCheck';
import { EventLoopDelaySampler } from './eventLoopSampler';
import { checkMemory } from './memoryCheck';
import { checkQueueBacklog } from './queueBacklogCheck';
import { checkSqlite } from './sqliteCheck';
import { HealthCheckResult, HealthThresholds } from './types';

/** What a role measures for its health document. */
export interface CheckSources {
  repository: PlatformRepository;
  sampler: Pick<EventLoopDelaySampler, 'p99'>;
  thresholds: HealthThresholds;
  /** Include `queue:backlog` (roles that touch the outbound queue). */
  queue: boolean;
  now?: () => Date;
}

/** Runs every check of a role and returns them keyed `<component>:<measurement>`. */
export function collectChecks(
  sources: CheckSources,
): Record<string, HealthCheckResult[]> {
  const { repository, sampler, thresholds, now } = sources;
  const checks: Record<string, HealthCheckResult[]> = {
    'sqlite:responseTime': [
      checkSqlite(repository, thresholds.sqliteWarnMs, now),
    ],
    'memory:utilization': checkMemory(thresholds, process.memoryUsage(), now),
    'eventloop:delay': [checkEventLoop(sampler, thresholds, now)],
  };
  if (sources.queue) {
    checks['queue:backlog'] = [checkQueueBacklog(repository, thresholds, now)];
  }
  return checks;
}
