import { NextFunction, Request, Response } from 'express';
import { tokensMatch } from '../admin/adminAuth';
import { sendError } from '../httpErrors';

/** Token the Platform Admin API accepts when none is configured. Dev only. */
export const DEV_API_TOKEN = 'dev-example-platform-token';

/** Requires `Authorization: Bearer <token>` on every request. */
export function requireApiToken(token: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
    if (!match || !tokensMatch(match[1].trim(), token)) {
      res.set('WWW-Authenticate', 'Bearer realm="example-platform-admin-api"');
      sendError(
        res,
        401,
        'AuthenticationError',
        header
          ? 'The bearer token is not valid for the Platform Admin API'
          : 'The Platform Admin API needs Authorization: Bearer <EXAMPLE_PLATFORM_API_TOKEN>',
      );
      return;
    }
    next();
  };
}
