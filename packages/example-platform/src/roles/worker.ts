import { sendTick } from '../traffic/sender';
import { startRepeating } from '../traffic/repeat';
import { RoleDefinition } from './types';

/** The worker role: takes queued messages in batches and "sends" them. */
export const workerRole: RoleDefinition = {
  name: 'worker',
  description:
    'Example platform worker: delivers queued messages and records bounces and complaints',
  reportsQueue: true,
  crossRoleAdmin: false,
  startTraffic({ repository, random, logger }, traffic) {
    return [
      startRepeating(
        'send messages',
        traffic.sendIntervalMs,
        () => {
          const counts = sendTick(repository, traffic, random);
          logger.debug('sent a batch', { ...counts });
        },
        logger,
      ),
    ];
  },
};
