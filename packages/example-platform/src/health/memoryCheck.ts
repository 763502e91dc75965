import { round, statusFromThresholds } from './status';
import { HealthCheckResult } from './types';

const MIB = 1024 * 1024;

/** `memory:utilization`: heap used and resident set size of this process, in MiB. */
export function checkMemory(
  thresholds: { heapWarnMiB: number; rssWarnMiB: number },
  usage: Pick<NodeJS.MemoryUsage, 'heapUsed' | 'rss'> = process.memoryUsage(),
  now: () => Date = () => new Date(),
): HealthCheckResult[] {
  const time = now().toISOString();
  const entry = (
    componentId: string,
    bytes: number,
    warnMiB: number,
  ): HealthCheckResult => {
    const mib = bytes / MIB;
    const status = statusFromThresholds(mib, warnMiB);
    return {
      componentId,
      componentType: 'system',
      observedValue: round(mib, 1),
      observedUnit: 'MiB',
      status,
      time,
      ...(status === 'pass'
        ? {}
        : { output: `${componentId} is above ${warnMiB} MiB` }),
    };
  };
  return [
    entry('heapUsed', usage.heapUsed, thresholds.heapWarnMiB),
    entry('rss', usage.rss, thresholds.rssWarnMiB),
  ];
}
