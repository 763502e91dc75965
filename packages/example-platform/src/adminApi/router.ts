import { Router } from 'express';
import {
  DeliverabilityQuery,
  DeliverabilityRepository,
} from '../db/DeliverabilityRepository';
import { DirectoryRepository } from '../db/DirectoryRepository';
import { FeatureEvaluationRepository } from '../db/FeatureEvaluationRepository';
import { OutboundQueue } from '../queue/types';
import { requireApiToken } from './auth';
import { badRequest, notFound } from './errors';
import { serve } from './serve';
import { AdminApiQueueJobState } from './types';
import {
  optionalDateTime,
  optionalEnumList,
  optionalInteger,
  optionalText,
  requiredDateTime,
  requiredText,
} from './params';

/** Where the Platform Admin API is mounted on the api role. */
export const ADMIN_API_BASE_PATH = '/admin-api/v1';

/** Job states of the contract, in its order. */
export const QUEUE_JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
] as const satisfies readonly AdminApiQueueJobState[];

/** Most buckets one deliverability request may ask for. */
export const MAX_DELIVERABILITY_BUCKETS = 10_000;

/**
 * The Platform Admin API
 * (`@opsconsole/backstage-plugin-ops-common/platform-admin-api.yaml`),
 * mounted at {@link ADMIN_API_BASE_PATH}.
 */
export function createAdminApiRouter(deps: {
  apiToken: string;
  directory: DirectoryRepository;
  deliverability: DeliverabilityRepository;
  featureEvaluations: FeatureEvaluationRepository;
  queue: OutboundQueue;
}): Router {
  const { directory, deliverability, featureEvaluations, queue } = deps;
  const router = Router();
  router.use(requireApiToken(deps.apiToken));

  const existingTenant = (tenantId: string) => {
    const tenant = directory.getTenant(tenantId);
    if (!tenant) {
      throw notFound(`No tenant with id "${tenantId}"`);
    }
    return tenant;
  };
  const existingUser = (userId: string) => {
    const user = directory.getUser(userId);
    if (!user) {
      throw notFound(`No user with id "${userId}"`);
    }
    return user;
  };

  serve(router, 'get', '/tenants', () => ({ items: directory.listTenants() }));
  serve(router, 'get', '/tenants/{tenantId}', req =>
    existingTenant(req.params.tenantId),
  );
  serve(router, 'get', '/tenants/{tenantId}/users', req => ({
    items: directory.listTenantUsers(existingTenant(req.params.tenantId).id),
  }));
  serve(router, 'get', '/tenants/{tenantId}/feature-evaluations', req => ({
    items: featureEvaluations.list(existingTenant(req.params.tenantId).id),
  }));
  serve(router, 'get', '/users', req => ({
    items: directory.searchUsers(
      requiredText(req, 'q', 2),
      optionalInteger(req, 'limit', { min: 1, max: 200, default: 50 }),
    ),
  }));
  serve(router, 'get', '/users/{userId}', req =>
    existingUser(req.params.userId),
  );
  serve(router, 'get', '/users/{userId}/logins', req => {
    const since = optionalDateTime(req, 'since');
    const limit = optionalInteger(req, 'limit', {
      min: 1,
      max: 1000,
      default: 100,
    });
    const user = existingUser(req.params.userId);
    return { items: directory.listLogins(user.id, { since, limit }) };
  });
  serve(router, 'get', '/deliverability', req => {
    const query: DeliverabilityQuery = {
      tenantId: optionalText(req, 'tenantId'),
      from: requiredDateTime(req, 'from'),
      to: requiredDateTime(req, 'to'),
      intervalSeconds: optionalInteger(req, 'interval', {
        min: 60,
        default: 3600,
      }),
    };
    if (query.to <= query.from) {
      throw badRequest(
        `Query parameter to (${query.to.toISOString()}) must be after from (${query.from.toISOString()})`,
      );
    }
    const buckets = DeliverabilityRepository.bucketCount(query);
    if (buckets > MAX_DELIVERABILITY_BUCKETS) {
      throw badRequest(
        `from, to and interval give ${buckets} buckets; at most ${MAX_DELIVERABILITY_BUCKETS} are allowed, use a longer interval`,
      );
    }
    if (query.tenantId !== undefined) {
      existingTenant(query.tenantId);
    }
    return { items: deliverability.query(query) };
  });
  serve(router, 'get', '/queues', async () => ({
    queues: await queue.snapshots(),
  }));
  serve(router, 'get', '/tenants/{tenantId}/queue-jobs', req => {
    const limit = optionalInteger(req, 'limit', {
      min: 1,
      max: 100,
      default: 20,
    });
    const states = optionalEnumList(req, 'state', QUEUE_JOB_STATES);
    const tenant = existingTenant(req.params.tenantId);
    return queue.jobs(tenant.id, { limit, states }).then(jobs => ({ jobs }));
  });
  serve(router, 'post', '/tenants/{tenantId}/queues/pause', async req => {
    const tenant = existingTenant(req.params.tenantId);
    await queue.pause(tenant.id);
    return { tenantId: tenant.id, paused: await queue.isPaused(tenant.id) };
  });
  serve(router, 'post', '/tenants/{tenantId}/queues/resume', async req => {
    const tenant = existingTenant(req.params.tenantId);
    await queue.resume(tenant.id);
    return { tenantId: tenant.id, paused: await queue.isPaused(tenant.id) };
  });
  return router;
}
