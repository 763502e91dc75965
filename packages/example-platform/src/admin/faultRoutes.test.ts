import { postJson, startTestPlatform } from '../__testUtils__/testPlatform';
import { HealthDocument } from '../health/types';
import { RunningPlatform } from '../platform';

async function health(url: string) {
  const res = await fetch(`${url}/health`);
  return { status: res.status, doc: (await res.json()) as HealthDocument };
}

describe('fault injection', () => {
  let platform: RunningPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(async () => {
    await platform.close();
  });

  it('reports the current fault, healthy by default', async () => {
    const res = await fetch(`${platform.urls.worker}/admin/fault`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      role: 'worker',
      fault: { mode: 'healthy' },
    });
  });

  it('degraded → warn with an explanation, healthy → pass again', async () => {
    const set = await postJson(`${platform.urls.api}/admin/fault`, {
      mode: 'degraded',
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({
      role: 'api',
      fault: { mode: 'degraded' },
    });

    const degraded = await health(platform.urls.api);
    expect(degraded.status).toBe(200);
    expect(degraded.doc.status).toBe('warn');
    expect(degraded.doc.output).toContain("Injected fault 'degraded'");
    expect(degraded.doc.checks['fault:injected']).toEqual([
      expect.objectContaining({
        componentType: 'component',
        observedValue: 'degraded',
        status: 'warn',
      }),
    ]);
    // the real measurements are still there and still pass
    expect(degraded.doc.checks['sqlite:responseTime'][0].status).toBe('pass');

    // other roles are not affected
    expect((await health(platform.urls.worker)).doc.status).toBe('pass');

    await postJson(`${platform.urls.api}/admin/fault`, { mode: 'healthy' });
    const healed = await health(platform.urls.api);
    expect(healed.status).toBe(200);
    expect(healed.doc.status).toBe('pass');
    expect(healed.doc.checks['fault:injected']).toBeUndefined();
    expect(healed.doc.output).toBeUndefined();
  });

  it('failing → fail with HTTP 503', async () => {
    await postJson(`${platform.urls.scheduler}/admin/fault`, {
      mode: 'failing',
    });
    const failing = await health(platform.urls.scheduler);
    expect(failing.status).toBe(503);
    expect(failing.doc.status).toBe('fail');
    expect(failing.doc.checks['fault:injected'][0].status).toBe('fail');

    await postJson(`${platform.urls.scheduler}/admin/fault`, {
      mode: 'healthy',
    });
    expect((await health(platform.urls.scheduler)).status).toBe(200);
  });

  it('slow → the health response is delayed by delayMs', async () => {
    const set = await postJson(`${platform.urls.worker}/admin/fault`, {
      mode: 'slow',
      delayMs: 400,
    });
    expect(await set.json()).toMatchObject({
      fault: { mode: 'slow', delayMs: 400 },
    });

    const started = Date.now();
    const slow = await health(platform.urls.worker);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(380);
    expect(slow.status).toBe(200);
    expect(slow.doc.checks['fault:injected'][0]).toMatchObject({
      observedValue: 400,
      observedUnit: 'ms',
    });

    await postJson(`${platform.urls.worker}/admin/fault`, { mode: 'healthy' });
    const fastStart = Date.now();
    await health(platform.urls.worker);
    expect(Date.now() - fastStart).toBeLessThan(380);
  });

  it('slow defaults to 3000 ms and does not hold up close()', async () => {
    const set = await postJson(`${platform.urls.api}/admin/fault`, {
      mode: 'slow',
    });
    expect(await set.json()).toMatchObject({
      fault: { mode: 'slow', delayMs: 3000 },
    });

    const pending = fetch(`${platform.urls.api}/health`).then(
      res => `answered ${res.status}`,
      (error: Error) => error.message,
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    const started = Date.now();
    await platform.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('fetch failed');
  });

  it('lets the api role set faults of the other roles', async () => {
    const res = await postJson(
      `${platform.urls.api}/admin/roles/worker/fault`,
      {
        mode: 'failing',
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      role: 'worker',
      fault: { mode: 'failing' },
    });
    expect((await health(platform.urls.worker)).status).toBe(503);
    expect((await health(platform.urls.api)).status).toBe(200);

    const read = await fetch(`${platform.urls.api}/admin/roles/worker/fault`);
    expect(await read.json()).toMatchObject({ fault: { mode: 'failing' } });

    const unknown = await postJson(
      `${platform.urls.api}/admin/roles/mailer/fault`,
      {
        mode: 'failing',
      },
    );
    expect(unknown.status).toBe(404);

    // only the api role offers the cross-role route
    const notOnWorker = await postJson(
      `${platform.urls.worker}/admin/roles/api/fault`,
      { mode: 'failing' },
    );
    expect(notOnWorker.status).toBe(404);
    expect((await health(platform.urls.api)).status).toBe(200);
  });

  it('rejects invalid requests with 400 and a clear message', async () => {
    const cases: Array<[unknown, string]> = [
      [{ mode: 'broken' }, 'Invalid fault mode "broken"'],
      [{}, 'Invalid fault mode undefined'],
      [{ mode: 'slow', delayMs: -5 }, 'Invalid delayMs -5'],
      [{ mode: 'slow', delayMs: 'soon' }, 'Invalid delayMs "soon"'],
      [
        { mode: 'degraded', delayMs: 100 },
        'delayMs only applies to mode "slow"',
      ],
      ['{not json', 'JSON'],
    ];
    for (const [body, message] of cases) {
      const res = await postJson(`${platform.urls.api}/admin/fault`, body);
      expect(res.status).toBe(400);
      const json = await res.json();
      expect(json.error.message).toContain(message);
    }
    expect(
      (await (await fetch(`${platform.urls.api}/admin/fault`)).json()).fault
        .mode,
    ).toBe('healthy');
  });
});

describe('admin token', () => {
  let platform: RunningPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform({ adminToken: 's3cret' });
  });

  afterEach(async () => {
    await platform.close();
  });

  it('is required on admin routes when configured', async () => {
    const url = `${platform.urls.api}/admin/fault`;
    const none = await postJson(url, { mode: 'failing' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');

    const wrong = await postJson(
      url,
      { mode: 'failing' },
      { authorization: 'Bearer nope' },
    );
    expect(wrong.status).toBe(401);
    expect((await fetch(url)).status).toBe(401);
    expect(
      (await fetch(`${platform.urls.api}/admin/roles/worker/fault`)).status,
    ).toBe(401);
    expect((await fetch(`${platform.urls.worker}/health`)).status).toBe(200);

    const right = await postJson(
      url,
      { mode: 'failing' },
      { authorization: 'Bearer s3cret' },
    );
    expect(right.status).toBe(200);
    expect((await fetch(`${platform.urls.api}/health`)).status).toBe(503);
  });

  it('is read from EXAMPLE_PLATFORM_ADMIN_TOKEN when no option is given', async () => {
    const fromEnv = await startTestPlatform({
      env: { EXAMPLE_PLATFORM_ADMIN_TOKEN: 'from-env' },
    });
    try {
      const url = `${fromEnv.urls.worker}/admin/fault`;
      expect((await fetch(url)).status).toBe(401);
      expect(
        (await fetch(url, { headers: { authorization: 'Bearer from-env' } }))
          .status,
      ).toBe(200);
    } finally {
      await fromEnv.close();
    }
  });
});
