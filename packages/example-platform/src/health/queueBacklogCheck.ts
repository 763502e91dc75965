import { QueueBacklog } from '../queue/types';
import { statusFromThresholds } from './status';
import { HealthCheckResult } from './types';

/** Where the backlog is read: the outbound queue (or the repository's SQLite queue). */
export interface BacklogSource {
  queueBacklog(): QueueBacklog | Promise<QueueBacklog>;
}

/** `queue:backlog`: messages in the outbound queues that are not sent yet. */
export async function checkQueueBacklog(
  source: BacklogSource,
  thresholds: { backlogWarn: number; backlogFail: number },
  now: () => Date = () => new Date(),
): Promise<HealthCheckResult> {
  const time = now().toISOString();
  let backlog: QueueBacklog;
  try {
    backlog = await source.queueBacklog();
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
