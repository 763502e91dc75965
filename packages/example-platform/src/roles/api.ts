import { Router } from 'express';
import { startRepeating } from '../traffic/repeat';
import { produceTick } from '../traffic/producer';
import { RoleDefinition } from './types';

/**
 * The api role: where tenants' applications submit mail. Its traffic
 * generator enqueues a few messages every tick; it also serves a small
 * stats endpoint and faults for every role in the process.
 */
export const apiRole: RoleDefinition = {
  name: 'api',
  description:
    'Example platform API: accepts messages from tenants and puts them on the outbound queue',
  reportsQueue: true,
  crossRoleAdmin: true,
  routes({ repository }) {
    const router = Router();
    router.get('/stats', (_req, res) => {
      res.json({
        messages: repository.countMessagesByStatus(),
        backlog: repository.queueBacklog(),
        tenants: repository.listTenants().length,
        logins: repository.countLogins(),
      });
    });
    router.get('/tenants', (_req, res) => {
      res.json({ items: repository.listTenants() });
    });
    return router;
  },
  startTraffic({ repository, random, logger }, traffic) {
    return [
      startRepeating(
        'enqueue messages',
        traffic.intervalMs,
        () => {
          const added = produceTick(
            repository,
            traffic.maxMessagesPerTick,
            random,
          );
          logger.debug(`enqueued ${added} messages`);
        },
        logger,
      ),
    ];
  },
};
