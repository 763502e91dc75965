/** @public */
export interface FetchWithTimeoutOptions extends Omit<RequestInit, 'signal'> {
  /** Names the request in errors, e.g. `Loki query_range`. */
  description: string;
  /** Milliseconds before the request is aborted. */
  timeoutMs: number;
  /** Aborts the request early, e.g. when the caller's own request is gone. */
  signal?: AbortSignal;
}

/**
 * Why a fetch failed, in words safe to show: the network error code (`ECONNREFUSED`) or
 * the cause's message, never a stack or the internals of the HTTP client.
 * @public
 */
export function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    .cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/**
 * Checks a timeout of a client's options: a positive number of milliseconds.
 * @public
 */
export function checkTimeoutMs(client: string, timeoutMs: number): number {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new Error(
      `${client} timeoutMs must be a positive number, got ${timeoutMs}`,
    );
  }
  return timeoutMs;
}

/**
 * `fetch` for the backend's outbound clients: aborted after `timeoutMs` (or by `signal`),
 * and a failure to get an answer at all becomes an `Error` reading
 * `<description> failed: timed out after <n> ms` / `aborted` / the network error code.
 * HTTP error statuses are answers: the caller reads them.
 * @public
 */
export async function fetchWithTimeout(
  url: string | URL,
  options: FetchWithTimeoutOptions,
): Promise<Response> {
  const { description, timeoutMs, signal, ...init } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await fetch(url, {
      ...init,
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    });
  } catch (error) {
    let reason: string;
    if (timeout.aborted) {
      reason = `timed out after ${timeoutMs} ms`;
    } else if (signal?.aborted) {
      reason = 'aborted';
    } else {
      reason = describeFetchError(error);
    }
    throw new Error(`${description} failed: ${reason}`, { cause: error });
  }
}
