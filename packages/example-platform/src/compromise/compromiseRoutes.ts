import express, { Router } from 'express';
import { requireAdminToken } from '../admin/adminAuth';
import { PlatformRepository } from '../db/repository';
import { sendError } from '../httpErrors';
import { CompromiseSimulator, DEFAULT_COMPROMISE } from './CompromiseSimulator';

/** At most this many messages, and this long, per simulated burst. */
export const COMPROMISE_LIMITS = { messages: 100_000, durationSeconds: 3600 };

type Parsed =
  | { ok: true; messages: number; durationSeconds: number }
  | { ok: false; message: string };

/** Validates `{ messages?, durationSeconds? }`. */
export function parseCompromiseRequest(body: unknown): Parsed {
  const {
    messages = DEFAULT_COMPROMISE.messages,
    durationSeconds = DEFAULT_COMPROMISE.durationSeconds,
  } = (body ?? {}) as Record<string, unknown>;
  if (
    typeof messages !== 'number' ||
    !Number.isInteger(messages) ||
    messages < 1 ||
    messages > COMPROMISE_LIMITS.messages
  ) {
    return {
      ok: false,
      message: `messages must be an integer from 1 to ${
        COMPROMISE_LIMITS.messages
      }, got ${JSON.stringify(messages)}`,
    };
  }
  if (
    typeof durationSeconds !== 'number' ||
    !Number.isFinite(durationSeconds) ||
    durationSeconds <= 0 ||
    durationSeconds > COMPROMISE_LIMITS.durationSeconds
  ) {
    return {
      ok: false,
      message: `durationSeconds must be a number above 0 and at most ${
        COMPROMISE_LIMITS.durationSeconds
      }, got ${JSON.stringify(durationSeconds)}`,
    };
  }
  return { ok: true, messages, durationSeconds };
}

/**
 * Mounted at `/admin/tenants`: `/admin/tenants/:tenantId/compromise` on the api role (same token rules
 * as the fault admin): `POST { messages?, durationSeconds? }` starts a
 * burst of phishing-like mail to unknown recipients (202), `DELETE` stops
 * it, `GET` shows the running or last one.
 */
export function createCompromiseRouter(deps: {
  repository: PlatformRepository;
  compromise: CompromiseSimulator;
  adminToken?: string;
}): Router {
  const router = Router();
  router.use(requireAdminToken(deps.adminToken));
  router.use(express.json({ limit: '16kb' }));

  const tenantOf = (tenantId: string) =>
    deps.repository.listTenants().find(t => t.id === tenantId);

  router.post('/:tenantId/compromise', async (req, res, next) => {
    const tenant = tenantOf(req.params.tenantId);
    if (!tenant) {
      sendError(
        res,
        404,
        'NotFoundError',
        `No tenant with id "${req.params.tenantId}"`,
      );
      return;
    }
    if (tenant.status === 'suspended') {
      sendError(
        res,
        409,
        'ConflictError',
        `Tenant "${tenant.id}" is suspended and cannot send mail`,
      );
      return;
    }
    const parsed = parseCompromiseRequest(req.body);
    if (!parsed.ok) {
      sendError(res, 400, 'InputError', parsed.message);
      return;
    }
    try {
      res.status(202).json(await deps.compromise.start(tenant.id, parsed));
    } catch (error) {
      next(error);
    }
  });

  router.delete('/:tenantId/compromise', async (req, res, next) => {
    if (!tenantOf(req.params.tenantId)) {
      sendError(
        res,
        404,
        'NotFoundError',
        `No tenant with id "${req.params.tenantId}"`,
      );
      return;
    }
    try {
      const state = await deps.compromise.stop(req.params.tenantId);
      res.json(state ?? { tenantId: req.params.tenantId, active: false });
    } catch (error) {
      next(error);
    }
  });

  router.get('/:tenantId/compromise', (req, res) => {
    if (!tenantOf(req.params.tenantId)) {
      sendError(
        res,
        404,
        'NotFoundError',
        `No tenant with id "${req.params.tenantId}"`,
      );
      return;
    }
    res.json(
      deps.compromise.get(req.params.tenantId) ?? {
        tenantId: req.params.tenantId,
        active: false,
      },
    );
  });
  return router;
}
