import { Router } from 'express';
import { ADMIN_API_BASE_PATH, createAdminApiRouter } from '../adminApi/router';
import { createCompromiseRouter } from '../compromise/compromiseRoutes';
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
        queue: context.queue,
      }),
    );
    router.use(
      '/admin/tenants',
      createCompromiseRouter({
        repository,
        compromise: context.compromise,
        adminToken: context.adminToken,
      }),
    );
    router.use(createMailRouter(context));
    router.get('/stats', async (_req, res, next) => {
      try {
        res.json({
          queue: context.queue.kind,
          messages: repository.countMessagesByStatus(),
          backlog: await context.queue.queueBacklog(),
          tenants: repository.listTenants().length,
          logins: repository.countLogins(),
        });
      } catch (error) {
        next(error);
      }
    });
    router.get('/tenants', (_req, res) => {
      res.json({ items: repository.listTenants() });
    });
    return router;
  },
  startTraffic(context, traffic) {
    const { random, logger } = context;
    if (!traffic.generateMail) {
      return [];
    }
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
