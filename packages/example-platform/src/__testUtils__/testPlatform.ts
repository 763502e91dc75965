import net from 'node:net';
import { silentLogger } from '../logger';
import { PlatformOptions, RunningPlatform, startPlatform } from '../platform';

export { seededRandom } from '../traffic/random';

/** Ports 0, in-memory database, no traffic, no env leaking in, silent. */
export const TEST_PLATFORM_OPTIONS: PlatformOptions = {
  dbPath: ':memory:',
  ports: { api: 0, worker: 0, scheduler: 0 },
  traffic: false,
  logger: silentLogger,
  env: {},
};

/** Starts a platform for a test; close it in afterEach/afterAll. */
export function startTestPlatform(
  overrides: PlatformOptions = {},
): Promise<RunningPlatform> {
  return startPlatform({ ...TEST_PLATFORM_OPTIONS, ...overrides });
}

/** A local port nothing listens on (bound, read, closed). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/**
 * Starts a platform whose Redis (queue backend) is a closed local port, so its
 * queue operations answer 503 after `readyTimeoutMs` (100 ms here).
 */
export async function startTestPlatformWithoutRedis(
  overrides: PlatformOptions = {},
): Promise<RunningPlatform> {
  const port = await closedPort();
  return startTestPlatform({
    redis: {
      url: `redis://127.0.0.1:${port}`,
      prefix: 'unreachable',
      readyTimeoutMs: 100,
    },
    ...overrides,
  });
}

/** Polls `check` until it returns a truthy value or the timeout passes. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 5000,
  intervalMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

/** POSTs JSON and returns the response. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
