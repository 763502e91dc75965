import express, { Request, Response, Router } from 'express';
import { sendError } from '../httpErrors';
import { PlatformLogger } from '../logger';
import { isRoleName, RoleName } from '../roles/roleNames';
import { requireAdminToken } from './adminAuth';
import { FaultState } from './faultState';
import { parseFaultRequest } from './parseFaultRequest';

/** Fault states of the roles running in this process. */
export type FaultRegistry = Map<RoleName, FaultState>;

function respond(res: Response, role: RoleName, state: FaultState) {
  res.json({ role, fault: state.get() });
}

function applyFault(
  req: Request,
  res: Response,
  role: RoleName,
  state: FaultState,
  logger: PlatformLogger,
) {
  const parsed = parseFaultRequest(req.body);
  if (!parsed.ok) {
    sendError(res, 400, 'InputError', parsed.message);
    return;
  }
  const fault = state.set(parsed.mode, parsed.delayMs);
  logger.info(`fault for role ${role} set to ${fault.mode}`, { ...fault });
  respond(res, role, state);
}

/**
 * `/admin` routes of a role: `GET|POST /admin/fault` for itself and, when
 * `crossRole` is set, `GET|POST /admin/roles/:role/fault` for any role in
 * the same process.
 */
export function createAdminRouter(options: {
  role: RoleName;
  faults: FaultRegistry;
  adminToken?: string;
  crossRole: boolean;
  logger: PlatformLogger;
}): Router {
  const { role, faults, logger } = options;
  const router = Router();
  router.use(requireAdminToken(options.adminToken));
  router.use(express.json({ limit: '16kb' }));

  const own = () => {
    const state = faults.get(role);
    if (!state) {
      throw new Error(`role ${role} has no fault state`);
    }
    return state;
  };
  router.get('/fault', (_req, res) => respond(res, role, own()));
  router.post('/fault', (req, res) =>
    applyFault(req, res, role, own(), logger),
  );

  if (options.crossRole) {
    const lookup = (req: Request, res: Response) => {
      const target = req.params.role;
      if (!isRoleName(target)) {
        sendError(res, 404, 'NotFoundError', `Unknown role "${target}"`);
        return undefined;
      }
      const state = faults.get(target);
      if (!state) {
        sendError(
          res,
          404,
          'NotFoundError',
          `Role "${target}" is not running in this process`,
        );
        return undefined;
      }
      return { target, state };
    };
    router.get('/roles/:role/fault', (req, res) => {
      const found = lookup(req, res);
      if (found) {
        respond(res, found.target, found.state);
      }
    });
    router.post('/roles/:role/fault', (req, res) => {
      const found = lookup(req, res);
      if (found) {
        applyFault(req, res, found.target, found.state, logger);
      }
    });
  }
  return router;
}
