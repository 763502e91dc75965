import { decideDelivery } from '../traffic/sender';
import { RoleDefinition } from './types';

/**
 * The worker role: drains the tenants' outbound queues (honouring a
 * tenant's pause) and "sends" the mail.
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
        decide: email => decideDelivery(email, random, traffic),
        logger,
      }),
    ];
  },
};
