import fresh from 'fresh';
import { IncomingMessage } from 'node:http';

/**
 * Whether the request's If-None-Match names `etag` (weakly or strongly) or is `*`, so a
 * 304 answers it. Only If-None-Match is handed to `fresh`: fetch adds
 * `Cache-Control: no-cache` to every request that carries If-None-Match, a directive for
 * caches that `fresh` (and `req.fresh`) would read as "never 304", while the origin
 * still evaluates the condition (RFC 9110, section 13.1.2).
 */
export function matchesIfNoneMatch(req: IncomingMessage, etag: string) {
  const ifNoneMatch = req.headers['if-none-match'];
  return (
    ifNoneMatch !== undefined &&
    fresh({ 'if-none-match': ifNoneMatch }, { etag })
  );
}
