import { PlatformLogger } from '../logger';
import { newTraceIds } from '../telemetry/traceContext';

/** Records a burst logs when `count` is not given. */
export const DEFAULT_ERROR_BURST_COUNT = 50;

/** Most records one burst may log (below the OTLP export's buffer). */
export const MAX_ERROR_BURST_COUNT = 10_000;

/** Body of a burst's records when no `message` is given. */
export const DEFAULT_ERROR_BURST_MESSAGE =
  'connection refused to smtp relay 10.0.0.7:25';

const MAX_MESSAGE_CHARS = 1000;

/** A validated `POST …/error-burst` body, or why it is invalid. */
export type ErrorBurstRequest =
  | { ok: true; count: number; message: string }
  | { ok: false; message: string };

/** Validates `{ count?, message? }` (an empty body means the defaults). */
export function parseErrorBurstRequest(given: unknown): ErrorBurstRequest {
  const body = given ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      message: 'Body must be a JSON object like {"count":50,"message":"…"}',
    };
  }
  const { count = DEFAULT_ERROR_BURST_COUNT, message } = body as Record<
    string,
    unknown
  >;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > MAX_ERROR_BURST_COUNT
  ) {
    return {
      ok: false,
      message: `Invalid count ${JSON.stringify(
        count,
      )}; expected an integer from 1 to ${MAX_ERROR_BURST_COUNT}`,
    };
  }
  if (
    message !== undefined &&
    (typeof message !== 'string' ||
      message.trim() === '' ||
      message.length > MAX_MESSAGE_CHARS)
  ) {
    return {
      ok: false,
      message: `message must be a non-empty string of at most ${MAX_MESSAGE_CHARS} characters`,
    };
  }
  return {
    ok: true,
    count,
    message: (message as string | undefined) ?? DEFAULT_ERROR_BURST_MESSAGE,
  };
}

/** What a burst logged. */
export interface ErrorBurstResult {
  count: number;
  message: string;
  /** Tenants the records name, in the order they were used. */
  tenantIds: string[];
  /** Trace id of the first record (each record has its own). */
  firstTraceId: string;
}

/**
 * Logs `count` errors with `message` as body, each for the next of
 * `tenantIds` in turn (`tenant.id`), with a trace of its own, as if deliveries
 * through an unreachable relay failed.
 */
export function logErrorBurst(
  logger: PlatformLogger,
  request: { count: number; message: string; tenantIds: readonly string[] },
): ErrorBurstResult {
  let firstTraceId = '';
  for (let i = 0; i < request.count; i++) {
    const ids = newTraceIds();
    firstTraceId ||= ids.traceId;
    const tenantId = request.tenantIds.length
      ? request.tenantIds[i % request.tenantIds.length]
      : undefined;
    logger.error(request.message, {
      ...(tenantId && { tenantId }),
      ...ids,
      'error.type': 'ECONNREFUSED',
      'fault.injected': 'error-burst',
      'burst.index': i + 1,
      'burst.size': request.count,
    });
  }
  return {
    count: request.count,
    message: request.message,
    tenantIds: [...request.tenantIds].slice(0, request.count),
    firstTraceId,
  };
}
