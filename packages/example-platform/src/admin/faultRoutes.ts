import express, { Request, Response, Router } from 'express';
import { sendError } from '../httpErrors';
import { isRoleName, RoleName } from '../roles/roleNames';
import { RoleLoggers } from '../telemetry/roleLoggers';
import { LOG_SERVICE_NAMES } from '../telemetry/serviceNames';
import { requireAdminToken } from './adminAuth';
import { logErrorBurst, parseErrorBurstRequest } from './errorBurst';
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
  loggers: RoleLoggers,
) {
  const parsed = parseFaultRequest(req.body);
  if (!parsed.ok) {
    sendError(res, 400, 'InputError', parsed.message);
    return;
  }
  const fault = state.set(parsed.mode, parsed.delayMs);
  const logger = loggers.of(role);
  if (fault.mode === 'healthy') {
    logger.info(`fault for role ${role} cleared`, { ...fault });
  } else {
    logger.warn(`fault injected into role ${role}: ${fault.mode}`, {
      ...fault,
      'fault.injected': fault.mode,
    });
  }
  respond(res, role, state);
}

async function errorBurst(
  req: Request,
  res: Response,
  role: RoleName,
  loggers: RoleLoggers,
  tenantIds: () => string[],
) {
  const parsed = parseErrorBurstRequest(req.body);
  if (!parsed.ok) {
    sendError(res, 400, 'InputError', parsed.message);
    return;
  }
  const logger = loggers.of(role);
  const result = logErrorBurst(logger, { ...parsed, tenantIds: tenantIds() });
  // send the records now, so a log search finds them once this answers;
  // a failed export is reported on the console by the export itself
  await logger.flush().catch(() => {});
  res.json({ role, service: LOG_SERVICE_NAMES[role], ...result });
}

/**
 * `/admin` routes of a role: `GET|POST /admin/fault` and `POST
 * /admin/error-burst` for itself and, when `crossRole` is set, `GET|POST
 * /admin/roles/:role/fault` and `POST /admin/roles/:role/error-burst` for
 * any role in the same process.
 */
export function createAdminRouter(options: {
  role: RoleName;
  faults: FaultRegistry;
  adminToken?: string;
  crossRole: boolean;
  /** Loggers of the roles in this process (faults and bursts log as the role). */
  roleLoggers: RoleLoggers;
  /** Tenants an error burst names (the active ones). */
  tenantIds(): string[];
}): Router {
  const { role, faults, roleLoggers, tenantIds } = options;
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
    applyFault(req, res, role, own(), roleLoggers),
  );
  router.post('/error-burst', (req, res) =>
    errorBurst(req, res, role, roleLoggers, tenantIds),
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
        applyFault(req, res, found.target, found.state, roleLoggers);
      }
    });
    router.post('/roles/:role/error-burst', async (req, res) => {
      const found = lookup(req, res);
      if (found) {
        await errorBurst(req, res, found.target, roleLoggers, tenantIds);
      }
    });
  }
  return router;
}
