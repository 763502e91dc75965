import { postJson, startTestPlatform } from '../__testUtils__/testPlatform';
import { PlatformLogger } from '../logger';
import { RunningPlatform } from '../platform';
import {
  DEFAULT_ERROR_BURST_COUNT,
  MAX_ERROR_BURST_COUNT,
  parseErrorBurstRequest,
} from './errorBurst';

type Entry = { level: string; message: string; meta?: Record<string, unknown> };

function capturingLogger(entries: Entry[]): PlatformLogger {
  const at =
    (level: string) => (message: string, meta?: Record<string, unknown>) =>
      entries.push({ level, message, meta });
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}

describe('parseErrorBurstRequest', () => {
  it('fills in the defaults and accepts a custom message', () => {
    expect(parseErrorBurstRequest(undefined)).toEqual({
      ok: true,
      count: DEFAULT_ERROR_BURST_COUNT,
      message: 'connection refused to smtp relay 10.0.0.7:25',
    });
    expect(parseErrorBurstRequest({ count: 3, message: 'disk full' })).toEqual({
      ok: true,
      count: 3,
      message: 'disk full',
    });
  });

  it.each([
    [[]],
    ['text'],
    [{ count: 0 }],
    [{ count: MAX_ERROR_BURST_COUNT + 1 }],
    [{ count: 2.5 }],
    [{ count: '5' }],
    [{ message: '' }],
    [{ message: 42 }],
    [{ message: 'x'.repeat(1001) }],
  ])('refuses %j', body => {
    expect(parseErrorBurstRequest(body)).toMatchObject({ ok: false });
  });
});

describe('POST /admin/roles/:role/error-burst', () => {
  let platform: RunningPlatform | undefined;
  const entries: Entry[] = [];

  afterEach(async () => {
    await platform?.close();
    platform = undefined;
    entries.length = 0;
  });

  it('logs the burst as errors, one trace each, round the active tenants', async () => {
    platform = await startTestPlatform({ logger: capturingLogger(entries) });
    const res = await postJson(
      `${platform.urls.api}/admin/roles/scheduler/error-burst`,
      { count: 7, message: 'connection refused to smtp relay 10.0.0.9:25' },
    );
    expect(res.status).toBe(200);
    const burst = entries.filter(
      e => e.meta?.['fault.injected'] === 'error-burst',
    );
    expect(burst).toHaveLength(7);
    expect(burst.map(e => e.level)).toEqual(Array(7).fill('error'));
    expect(burst.map(e => e.message)).toEqual(
      Array(7).fill('connection refused to smtp relay 10.0.0.9:25'),
    );
    expect(burst.map(e => e.meta?.tenantId)).toEqual([
      'acme',
      'globex',
      'hooli',
      'initech',
      'umbrella',
      'acme',
      'globex',
    ]);
    expect(new Set(burst.map(e => e.meta?.traceId)).size).toBe(7);
    expect(await res.json()).toMatchObject({
      role: 'scheduler',
      service: 'mail-scheduler',
      count: 7,
      firstTraceId: burst[0].meta?.traceId,
    });
  });

  it('follows the admin token rules and answers 400 and 404 like the fault routes', async () => {
    platform = await startTestPlatform({
      logger: capturingLogger(entries),
      adminToken: 'admin-secret',
    });
    const auth = { authorization: 'Bearer admin-secret' };
    const url = `${platform.urls.api}/admin/roles/worker/error-burst`;
    expect((await postJson(url, { count: 2 })).status).toBe(401);
    expect(
      (await postJson(url, { count: 2 }, { authorization: 'Bearer wrong' }))
        .status,
    ).toBe(401);
    const bad = await postJson(url, { count: 0 }, auth);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { name: 'InputError', message: expect.stringContaining('count') },
    });
    expect(
      (
        await postJson(
          `${platform.urls.api}/admin/roles/nope/error-burst`,
          {},
          auth,
        )
      ).status,
    ).toBe(404);
    // only the api role serves other roles; every role serves its own
    expect(
      (
        await postJson(
          `${platform.urls.worker}/admin/roles/api/error-burst`,
          {},
          auth,
        )
      ).status,
    ).toBe(404);
    const own = await postJson(
      `${platform.urls.worker}/admin/error-burst`,
      { count: 3 },
      auth,
    );
    expect(own.status).toBe(200);
    expect(
      entries.filter(e => e.meta?.['fault.injected'] === 'error-burst'),
    ).toHaveLength(3);
  });
});
