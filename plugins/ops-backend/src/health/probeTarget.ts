import { HealthCheck } from '@opsconsole/backstage-plugin-ops-common';
import { AllowedHosts } from './allowedHosts';
import { interpretHealthResponse } from './healthJson';

const MAX_BODY_BYTES = 256 * 1024;

export interface ProbeOutcome {
  status: 'pass' | 'warn' | 'fail' | 'misconfigured';
  time: number;
  /** true when the request itself failed: refused, timed out, HTTP 5xx, unreadable */
  isError: boolean;
  httpStatus?: number;
  latencyMs?: number;
  error?: string;
  checks: HealthCheck[];
}

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new Error(`health response larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Probes one health URL. A URL refused by the allowlist is never requested. Redirects are
 * not followed (they could lead outside the allowlist) and count as failures.
 */
export async function probeTarget(
  rawUrl: string,
  options: {
    allowedHosts: AllowedHosts;
    timeoutMs: number;
    now?: () => number;
  },
): Promise<ProbeOutcome> {
  const now = options.now ?? Date.now;
  const verdict = options.allowedHosts.check(rawUrl);
  if (!verdict.allowed) {
    return {
      status: 'misconfigured',
      time: now(),
      isError: false,
      error: verdict.reason,
      checks: [],
    };
  }
  const started = performance.now();
  const time = now();
  try {
    const response = await fetch(verdict.url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        accept: 'application/health+json, application/json;q=0.9, */*;q=0.5',
      },
    });
    const body = await readLimited(response);
    const latencyMs = performance.now() - started;
    if (response.status >= 300 && response.status < 400) {
      return {
        status: 'fail',
        time,
        isError: true,
        httpStatus: response.status,
        latencyMs,
        error: `HTTP ${response.status} redirect to ${
          response.headers.get('location') ?? '?'
        } not followed`,
        checks: [],
      };
    }
    const interpreted = interpretHealthResponse(
      response.status,
      response.headers.get('content-type') ?? '',
      body,
    );
    return {
      ...interpreted,
      time,
      isError:
        response.status >= 500 ||
        interpreted.error?.startsWith('malformed') === true,
      httpStatus: response.status,
      latencyMs,
    };
  } catch (e) {
    const error = e as Error & { cause?: { code?: string; message?: string } };
    const timedOut =
      error.name === 'TimeoutError' || error.name === 'AbortError';
    return {
      status: 'fail',
      time,
      isError: true,
      latencyMs: performance.now() - started,
      error: timedOut
        ? `timed out after ${options.timeoutMs} ms`
        : error.cause?.code ?? error.cause?.message ?? error.message,
      checks: [],
    };
  }
}
