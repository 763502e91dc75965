import { PlatformRepository } from '../db/repository';
import { statusFromThresholds } from './status';
import { HealthCheckResult } from './types';

/** `queue:backlog`: messages in the outbound queue that are not sent yet. */
export function checkQueueBacklog(
  repository: PlatformRepository,
  thresholds: { backlogWarn: number; backlogFail: number },
  now: () => Date = () => new Date(),
): HealthCheckResult {
  const time = now().toISOString();
  let backlog: ReturnType<PlatformRepository['queueBacklog']>;
  try {
    backlog = repository.queueBacklog();
  } catch (error) {
    return {
      componentId: 'outbound',
      componentType: 'component',
      observedValue: null,
      observedUnit: 'messages',
      status: 'fail',
      time,
      output: `could not read the queue: ${(error as Error).message}`,
    };
  }
  const status = statusFromThresholds(
    backlog.count,
    thresholds.backlogWarn,
    thresholds.backlogFail,
  );
  const oldest = backlog.oldestQueuedAt
    ? `; oldest queued at ${backlog.oldestQueuedAt}`
    : '';
  return {
    componentId: 'outbound',
    componentType: 'component',
    observedValue: backlog.count,
    observedUnit: 'messages',
    status,
    time,
    ...(status === 'pass'
      ? {}
      : {
          output: `${backlog.count} messages waiting (above ${
            status === 'fail' ? thresholds.backlogFail : thresholds.backlogWarn
          })${oldest}`,
        }),
  };
}
