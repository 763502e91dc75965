import { NextFunction, Request, Response } from 'express';
import { sendError } from '../httpErrors';
import { AdminApiError } from './errors';

/**
 * Wraps a handler that returns the response body: answers it as JSON, an
 * {@link AdminApiError} with its status, anything else through `next`.
 */
export function handle(fn: (req: Request) => unknown) {
  return async (req: Request, res: Response, next: NextFunction) => {
    let body: unknown;
    try {
      body = await fn(req);
    } catch (error) {
      if (error instanceof AdminApiError) {
        sendError(res, error.status, error.name, error.message);
      } else {
        next(error);
      }
      return;
    }
    res.json(body);
  };
}
