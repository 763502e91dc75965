import { Router } from 'express';
import { ADMIN_API_BASE_PATH, createAdminApiRouter } from '../adminApi/router';
import { createMailRouter } from '../mail/mailRoutes';
import { startRepeating } from '../traffic/repeat';
import { produceTick } from '../traffic/producer';
import { RoleDefinition } from './types';

/**
 * The api role: where tenants' applications submit mail, and where the
 * Platform Admin API is served. Its traffic generator sends a few messages
 * every tick; it also serves a small stats endpoint and faults for every
 * role in the process.
 */
export const apiRole: RoleDefinition = {
  name: 'api',
  description:
    'Example platform API: accepts messages from tenants and puts them on the outbound queue',
  reportsQueue: true,
  crossRoleAdmin: true,
  routes(context) {
    const { repository } = context;
    const router = Router();
    router.use(
      ADMIN_API_BASE_PATH,
      createAdminApiRouter({
        apiToken: context.apiToken,
        directory: context.directory,
        deliverability: context.deliverability,
        featureEvaluations: context.featureEvaluations,
      }),
    );
    router.use(createMailRouter(context));
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
  startTraffic(context, traffic) {
    const { random, logger } = context;
    return [
      startRepeating(
        'enqueue messages',
        traffic.intervalMs,
        async () => {
          const added = await produceTick(
            context,
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
