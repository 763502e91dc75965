import { EventLoopDelaySampler } from './eventLoopSampler';
import { round, statusFromThresholds } from './status';
import { HealthCheckResult } from './types';

/** `eventloop:delay`: p99 event-loop delay of this process, in ms. */
export function checkEventLoop(
  sampler: Pick<EventLoopDelaySampler, 'p99'>,
  thresholds: { eventLoopWarnMs: number; eventLoopFailMs: number },
  now: () => Date = () => new Date(),
): HealthCheckResult {
  const { ms } = sampler.p99();
  const status = statusFromThresholds(
    ms,
    thresholds.eventLoopWarnMs,
    thresholds.eventLoopFailMs,
  );
  return {
    componentId: 'p99',
    componentType: 'system',
    observedValue: round(ms, 2),
    observedUnit: 'ms',
    status,
    time: now().toISOString(),
    ...(status === 'pass'
      ? {}
      : {
          output: `p99 event-loop delay is above ${
            status === 'fail'
              ? thresholds.eventLoopFailMs
              : thresholds.eventLoopWarnMs
          } ms`,
        }),
  };
}
