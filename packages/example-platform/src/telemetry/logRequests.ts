import { RequestHandler } from 'express';
import { PlatformLogger } from '../logger';
import { newTraceIds } from './traceContext';

const TENANT_IN_PATH = /\/tenants\/([^/]+)/;

function tenantOf(path: string): string | undefined {
  const raw = TENANT_IN_PATH.exec(path)?.[1];
  try {
    return raw ? decodeURIComponent(raw) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Logs every request at debug when it finishes: method, path, status and
 * duration, the tenant a `/tenants/:id` path names, and a new trace per
 * request.
 */
export function logRequests(logger: PlatformLogger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const ids = newTraceIds();
    res.on('finish', () => {
      const path = req.originalUrl.split('?')[0];
      const tenantId = tenantOf(path);
      logger.debug(`${req.method} ${path} ${res.statusCode}`, {
        ...(tenantId && { tenantId }),
        ...ids,
        'http.request.method': req.method,
        'url.path': path,
        'http.response.status_code': res.statusCode,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      });
    });
    next();
  };
}
