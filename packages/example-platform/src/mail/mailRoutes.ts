import express, { Router } from 'express';
import { PlatformRepository } from '../db/repository';
import { PlatformLogger } from '../logger';
import { TenantFeatures } from '../features/TenantFeatures';
import { OutboundQueue } from '../queue/types';
import { sendError } from '../httpErrors';
import { submitMessages } from './submitMessages';

/**
 * `POST /tenants/:tenantId/messages` with `{ recipient, subject, sender?, text? }`:
 * sends one message for a tenant (what a tenant's application calls). Not
 * part of the Platform Admin API; open, like the rest of this dev platform.
 */
export function createMailRouter(deps: {
  repository: PlatformRepository;
  queue: OutboundQueue;
  features: TenantFeatures;
  logger: PlatformLogger;
}): Router {
  const router = Router();
  router.post(
    '/tenants/:tenantId/messages',
    express.json({ limit: '64kb' }),
    async (req, res, next) => {
      const { tenantId } = req.params;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const tenant = deps.repository.listTenants().find(t => t.id === tenantId);
      if (!tenant) {
        sendError(res, 404, 'NotFoundError', `No tenant with id "${tenantId}"`);
        return;
      }
      if (tenant.status === 'suspended') {
        sendError(
          res,
          409,
          'ConflictError',
          `Tenant "${tenantId}" is suspended and cannot send mail`,
        );
        return;
      }
      const { recipient, subject, sender, text } = body;
      if (typeof recipient !== 'string' || !recipient.includes('@')) {
        sendError(res, 400, 'InputError', 'recipient must be an email address');
        return;
      }
      if (typeof subject !== 'string' || subject.trim() === '') {
        sendError(res, 400, 'InputError', 'subject must be a non-empty string');
        return;
      }
      if (sender !== undefined && typeof sender !== 'string') {
        sendError(res, 400, 'InputError', 'sender must be a string');
        return;
      }
      if (text !== undefined && typeof text !== 'string') {
        sendError(res, 400, 'InputError', 'text must be a string');
        return;
      }
      try {
        const submitted = await submitMessages(deps, [
          {
            tenantId,
            from: sender ?? `noreply@${tenantId}.example.com`,
            to: [recipient],
            subject,
            text: text ?? '',
          },
        ]);
        res.status(202).json({
          queued: submitted.queued,
          aiComposer: submitted.aiComposer[tenantId],
        });
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}
