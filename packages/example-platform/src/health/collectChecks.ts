import { PlatformRepository } from '../db/repository';
import { checkEventLoop } from './eventLoopCheck';
import { EventLoopDelaySampler } from './eventLoopSampler';
import { checkMemory } from './memoryCheck';
import { BacklogSource, checkQueueBacklog } from './queueBacklogCheck';
import { checkSqlite } from './sqliteCheck';
import { HealthCheckResult, HealthThresholds } from './types';

/** What a role measures for its health document. */
export interface CheckSources {
  repository: PlatformRepository;
  sampler: Pick<EventLoopDelaySampler, 'p99'>;
  thresholds: HealthThresholds;
  /** Where `queue:backlog` is read; undefined for roles that do not touch the outbound queue. */
  queue?: BacklogSource;
  now?: () => Date;
}

/** Runs every check of a role and returns them keyed `<component>:<measurement>`. */
export async function collectChecks(
  sources: CheckSources,
): Promise<Record<string, HealthCheckResult[]>> {
  const { repository, sampler, thresholds, now } = sources;
  const checks: Record<string, HealthCheckResult[]> = {
    'sqlite:responseTime': [
      checkSqlite(repository, thresholds.sqliteWarnMs, now),
    ],
    'memory:utilization': checkMemory(thresholds, process.memoryUsage(), now),
    'eventloop:delay': [checkEventLoop(sampler, thresholds, now)],
  };
  if (sources.queue) {
    checks['queue:backlog'] = [
      await checkQueueBacklog(sources.queue, thresholds, now),
    ];
  }
  return checks;
}
