import { startHealthServer, healthDoc } from '../__testUtils__/healthServer';
import { AllowedHosts } from './allowedHosts';
import { probeTarget } from './probeTarget';

describe('probeTarget against real HTTP servers', () => {
  const allowedHosts = new AllowedHosts(['127.0.0.1']);
  let server: Awaited<ReturnType<typeof startHealthServer>>;

  beforeEach(async () => {
    server = await startHealthServer();
  });
  afterEach(() => server.close());

  it('reads a healthy health+json document with its checks', async () => {
    server.respond({
      body: healthDoc('pass', {
        'sqlite:responseTime': [
          {
            componentType: 'datastore',
            observedValue: 1.5,
            observedUnit: 'ms',
            status: 'pass',
            time: '2026-11-25T10:00:00Z',
          },
        ],
      }),
    });
    const outcome = await probeTarget(server.url, {
      allowedHosts,
      timeoutMs: 2000,
    });
    expect(outcome).toMatchObject({
      status: 'pass',
      httpStatus: 200,
      isError: false,
    });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    expect(outcome.checks).toEqual([
      expect.objectContaining({
        name: 'sqlite:responseTime',
        observedValue: 1.5,
        observedUnit: 'ms',
        componentType: 'datastore',
        status: 'pass',
      }),
    ]);
  });

  it('reports warn with the output as reason', async () => {
    server.respond({
      body: JSON.stringify({ status: 'warn', output: 'queue backlog high' }),
    });
    const outcome = await probeTarget(server.url, {
      allowedHosts,
      timeoutMs: 2000,
    });
    expect(outcome).toMatchObject({
      status: 'warn',
      error: 'queue backlog high',
      isError: false,
    });
  });

  it('fails on HTTP 503 even when the body claims pass', async () => {
    server.respond({ status: 503, body: healthDoc('pass') });
    const outcome = await probeTarget(server.url, {
      allowedHosts,
      timeoutMs: 2000,
    });
    expect(outcome).toMatchObject({
      status: 'fail',
      httpStatus: 503,
      isError: true,
      error: 'HTTP 503',
    });
  });

  it('times out a slow target', async () => {
    server.respond({ delayMs: 1500 });
    const outcome = await probeTarget(server.url, {
      allowedHosts,
      timeoutMs: 200,
    });
    expect(outcome).toMatchObject({
      status: 'fail',
      isError: true,
      error: 'timed out after 200 ms',
    });
  });

  it('marks malformed health+json as warn and as an error', async () => {
    server.respond({ body: '{"status": "pass", ' });
    const outcome = await probeTarget(server.url, {
      allowedHosts,
      timeoutMs: 2000,
    });
    expect(outcome.status).toBe('warn');
    expect(outcome.isError).toBe(true);
    expect(outcome.error).toMatch(/^malformed health response/);
  });

  it('accepts a plain-text 200 as pass', async () => {
    server.respond({ contentType: 'text/plain', body: 'OK' });
    const outcome = await probeTarget(server.url, {
      allowedHosts,
      timeoutMs: 2000,
    });
    expect(outcome).toMatchObject({ status: 'pass', checks: [] });
  });

  it('does not follow redirects', async () => {
    server.respond({
      status: 302,
      headers: { location: 'http://169.254.169.254/' },
      body: '',
    });
    const outcome = await probeTarget(server.url, {
      allowedHosts,
      timeoutMs: 2000,
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.error).toContain(
      'redirect to http://169.254.169.254/ not followed',
    );
  });

  it('never requests a host outside the allowlist', async () => {
    const outcome = await probeTarget(
      server.url.replace('127.0.0.1', 'localhost'),
      {
        allowedHosts,
        timeoutMs: 2000,
      },
    );
    expect(outcome.status).toBe('misconfigured');
    expect(outcome.error).toContain('not in ops.health.allowedHosts');
    expect(server.hits).toBe(0);
  });

  it('reports a refused connection', async () => {
    const port = server.port;
    await server.close();
    const outcome = await probeTarget(`http://127.0.0.1:${port}/health`, {
      allowedHosts,
      timeoutMs: 2000,
    });
    expect(outcome).toMatchObject({
      status: 'fail',
      isError: true,
      error: 'ECONNREFUSED',
    });
    server = await startHealthServer();
  });
});
