import {
  HealthCheck,
  HealthStatus,
} from '@opsconsole/backstage-plugin-ops-common';

const MAX_CHECKS = 100;

/** Maps a reported status (draft-inadarei-api-health-check and common variants) to ours. */
export function normalizeStatus(
  value: unknown,
): 'pass' | 'warn' | 'fail' | undefined {
  if (typeof value !== 'string') return undefined;
  switch (value.toLowerCase()) {
    case 'pass':
    case 'ok':
    case 'up':
    case 'healthy':
      return 'pass';
    case 'warn':
    case 'degraded':
      return 'warn';
    case 'fail':
    case 'error':
    case 'down':
    case 'unhealthy':
      return 'fail';
    default:
      return undefined;
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads the `checks` object of an application/health+json document. */
export function parseChecks(checks: unknown): HealthCheck[] {
  if (!checks || typeof checks !== 'object' || Array.isArray(checks)) return [];
  const result: HealthCheck[] = [];
  for (const [name, value] of Object.entries(
    checks as Record<string, unknown>,
  )) {
    const entries = Array.isArray(value) ? value : [value];
    for (const entry of entries) {
      if (!entry || typeof entry !== 'object') continue;
      const e = entry as Record<string, unknown>;
      result.push({
        name,
        componentId: asString(e.componentId),
        componentType: asString(e.componentType),
        status: normalizeStatus(e.status) ?? asString(e.status) ?? 'unknown',
        observedValue:
          typeof e.observedValue === 'object'
            ? JSON.stringify(e.observedValue)
            : e.observedValue,
        observedUnit: asString(e.observedUnit),
        output: asString(e.output),
        time: asString(e.time),
      });
      if (result.length >= MAX_CHECKS) return result;
    }
  }
  return result;
}

export interface InterpretedResponse {
  status: Exclude<HealthStatus, 'unknown' | 'misconfigured'>;
  checks: HealthCheck[];
  error?: string;
}

const rank = { pass: 0, warn: 1, fail: 2 } as const;
const worst = (a: 'pass' | 'warn' | 'fail', b: 'pass' | 'warn' | 'fail') =>
  rank[a] >= rank[b] ? a : b;

/**
 * Decides a target's status from its HTTP status code and body. The HTTP code sets a floor
 * (5xx/4xx fail); a health+json `status` can only make it worse, never hide an HTTP error.
 */
export function interpretHealthResponse(
  httpStatus: number,
  contentType: string,
  body: string,
): InterpretedResponse {
  const fromHttp = httpStatus >= 200 && httpStatus < 300 ? 'pass' : 'fail';
  const httpError = fromHttp === 'fail' ? `HTTP ${httpStatus}` : undefined;
  if (!/json/i.test(contentType)) {
    return { status: fromHttp, checks: [], error: httpError };
  }
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (e) {
    return {
      status: worst(fromHttp, 'warn'),
      checks: [],
      error: httpError ?? `malformed health response: ${(e as Error).message}`,
    };
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    return {
      status: worst(fromHttp, 'warn'),
      checks: [],
      error: httpError ?? 'malformed health response: expected a JSON object',
    };
  }
  const doc = document as Record<string, unknown>;
  const reported = normalizeStatus(doc.status);
  const checks = parseChecks(doc.checks);
  if (!reported) {
    return {
      status: worst(fromHttp, doc.status === undefined ? fromHttp : 'warn'),
      checks,
      error:
        httpError ??
        (doc.status === undefined
          ? undefined
          : `unrecognised status "${String(doc.status)}"`),
    };
  }
  const output = asString(doc.output);
  const status = worst(fromHttp, reported);
  const reason = [httpError, status !== 'pass' ? output : undefined].filter(
    Boolean,
  );
  return {
    status,
    checks,
    error: reason.length ? reason.join(': ') : undefined,
  };
}
