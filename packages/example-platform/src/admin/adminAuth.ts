import { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { sendError } from '../httpErrors';

/** Compares two tokens in constant time. */
export function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Requires `Authorization: Bearer <token>` when a token is configured;
 * lets every request through when it is not.
 */
export function requireAdminToken(token: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!token) {
      next();
      return;
    }
    const match = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '');
    if (!match || !tokensMatch(match[1].trim(), token)) {
      res.set('WWW-Authenticate', 'Bearer realm="example-platform-admin"');
      sendError(
        res,
        401,
        'AuthenticationError',
        'Admin routes need Authorization: Bearer <EXAMPLE_PLATFORM_ADMIN_TOKEN>',
      );
      return;
    }
    next();
  };
}
