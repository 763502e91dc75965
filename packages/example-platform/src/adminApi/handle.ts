import { NextFunction, Request, Response } from 'express';
import { sendError } from '../httpErrors';
import { QueueUnavailableError } from '../queue/QueueUnavailableError';
import { AdminApiError, unavailable } from './errors';

/**
 * Wraps a handler that returns the response body: answers it as JSON, an
 * {@link AdminApiError} with its status, a {@link QueueUnavailableError} as 503,
 * anything else through `next` (a 500).
 */
export function handle(fn: (req: Request) => unknown) {
  return async (req: Request, res: Response, next: NextFunction) => {
    let body: unknown;
    try {
      body = await fn(req);
    } catch (caught) {
      const error =
        caught instanceof QueueUnavailableError
          ? unavailable(caught.message)
          : caught;
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
