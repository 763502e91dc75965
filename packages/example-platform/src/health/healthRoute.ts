import { Request, Response } from 'express';
import { setTimeout as delay } from 'node:timers/promises';
import { FaultState } from '../admin/faultState';
import { PlatformLogger } from '../logger';
import {
  buildHealthDocument,
  HEALTH_CONTENT_TYPE,
} from './buildHealthDocument';
import { httpStatusFor } from './status';
import { HealthCheckResult } from './types';

/** Inputs of the `GET /health` handler of one role. */
export interface HealthRouteOptions {
  serviceId: string;
  description: string;
  version: string;
  releaseId: string;
  faultState: FaultState;
  collect: () => Promise<Record<string, HealthCheckResult[]>>;
  /** Aborted when the role shuts down; cancels pending `slow` delays. */
  signal: AbortSignal;
  logger: PlatformLogger;
}

/** Express handler serving the role's `application/health+json` document. */
export function createHealthHandler(options: HealthRouteOptions) {
  return async (_req: Request, res: Response) => {
    try {
      const fault = options.faultState.get();
      if (fault.mode === 'slow' && fault.delayMs) {
        await delay(fault.delayMs, undefined, { signal: options.signal });
      }
      const document = buildHealthDocument({
        serviceId: options.serviceId,
        description: options.description,
        version: options.version,
        releaseId: options.releaseId,
        checks: await options.collect(),
        fault: options.faultState.get(),
      });
      res
        .status(httpStatusFor(document.status))
        .set('Content-Type', HEALTH_CONTENT_TYPE)
        .set('Cache-Control', 'no-store')
        .send(Buffer.from(JSON.stringify(document)));
    } catch (error) {
      if (options.signal.aborted) {
        res.destroy();
        return;
      }
      options.logger.error('health check failed unexpectedly', {
        error: String(error),
      });
      res
        .status(503)
        .set('Content-Type', HEALTH_CONTENT_TYPE)
        .send(
          Buffer.from(
            JSON.stringify({
              status: 'fail',
              serviceId: options.serviceId,
              output: `health check failed: ${(error as Error).message}`,
            }),
          ),
        );
    }
  };
}
