import { logDelivery } from '../mail/logDelivery';
import { decideDelivery } from '../traffic/sender';
import { RoleDefinition } from './types';

/**
 * The worker role: drains the tenants' outbound queues (honouring a
 * tenant's pause), "sends" the mail and logs each outcome.
 */
export const workerRole: RoleDefinition = {
  name: 'worker',
  description:
    'Example platform worker: delivers queued messages and records bounces and complaints',
  reportsQueue: true,
  crossRoleAdmin: false,
  startTraffic({ queue, random, logger }, traffic) {
    return [
      queue.startWorker({
        batchSize: traffic.batchSize,
        intervalMs: traffic.sendIntervalMs,
        decide: email => {
          const result = decideDelivery(email, random, traffic);
          logDelivery(logger, email, result);
          return result;
        },
        logger,
      }),
    ];
  },
};
