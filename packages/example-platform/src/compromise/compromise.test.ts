import {
  postJson,
  seededRandom,
  startTestPlatform,
  waitFor,
} from '../__testUtils__/testPlatform';
import { RunningPlatform } from '../platform';
import { phishingEmail, unknownRecipient } from './phishingEmail';
import { parseCompromiseRequest } from './compromiseRoutes';

describe('simulated compromise of a tenant', () => {
  let platform: RunningPlatform;
  const url = (tenantId: string) =>
    `${platform.urls.api}/admin/tenants/${tenantId}/compromise`;
  const enqueued = async (tenantId: string) => {
    const res = await fetch(`${platform.urls.api}/admin-api/v1/queues`, {
      headers: { authorization: 'Bearer dev-example-platform-token' },
    });
    const { queues } = await res.json();
    return queues.find((q: { tenantId: string }) => q.tenantId === tenantId)
      .totals.enqueued as number;
  };

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(async () => {
    await platform.close();
  });

  it('enqueues the whole burst of phishing mail to unknown recipients', async () => {
    const res = await postJson(url('globex'), {
      messages: 60,
      durationSeconds: 0.5,
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({
      tenantId: 'globex',
      active: true,
      messages: 60,
      durationSeconds: 0.5,
      startedAt: expect.any(String),
      endsAt: expect.any(String),
    });
    await waitFor(async () => (await enqueued('globex')) === 60);
    const state = await waitFor(async () => {
      const body = await (await fetch(url('globex'))).json();
      return !body.active && body;
    });
    expect(state).toMatchObject({ sent: 60, stoppedAt: expect.any(String) });
    expect(await enqueued('acme')).toBe(0);

    const jobs = await (
      await fetch(
        `${platform.urls.api}/admin-api/v1/tenants/globex/queue-jobs?limit=60`,
        { headers: { authorization: 'Bearer dev-example-platform-token' } },
      )
    ).json();
    const recipients = new Set(
      jobs.jobs.flatMap((j: { data: { to: string[] } }) => j.data.to),
    );
    expect(recipients.size).toBeGreaterThan(60);
  });

  it('stops a burst on DELETE and keeps what it enqueued', async () => {
    await postJson(url('acme'), { messages: 10_000, durationSeconds: 600 });
    await waitFor(async () => (await enqueued('acme')) > 0);
    const res = await fetch(url('acme'), { method: 'DELETE' });
    expect(res.status).toBe(200);
    const stopped = await res.json();
    expect(stopped).toMatchObject({ tenantId: 'acme', active: false });
    expect(stopped.sent).toBeLessThan(10_000);
    expect(await enqueued('acme')).toBe(stopped.sent);
    // stopping again is harmless
    expect(
      await (await fetch(url('acme'), { method: 'DELETE' })).json(),
    ).toMatchObject({ active: false, sent: stopped.sent });
  });

  it('rejects unknown and suspended tenants and bad bodies', async () => {
    expect((await postJson(url('nope'), {})).status).toBe(404);
    expect((await fetch(url('nope'), { method: 'DELETE' })).status).toBe(404);
    const suspended = await postJson(url('stark'), {});
    expect(suspended.status).toBe(409);
    const bad = await postJson(url('acme'), { messages: 0 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe(
      'messages must be an integer from 1 to 100000, got 0',
    );
    expect((await fetch(url('acme'))).status).toBe(200);
  });

  it('needs the admin token when one is configured', async () => {
    const guarded = await startTestPlatform({ adminToken: 's3cret' });
    try {
      const target = `${guarded.urls.api}/admin/tenants/acme/compromise`;
      expect((await postJson(target, { messages: 1 })).status).toBe(401);
      expect((await fetch(target, { method: 'DELETE' })).status).toBe(401);
      const ok = await postJson(
        target,
        { messages: 1 },
        { authorization: 'Bearer s3cret' },
      );
      expect(ok.status).toBe(202);
      // other api routes are not affected by the admin token
      expect((await fetch(`${guarded.urls.api}/stats`)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('phishing mail', () => {
  it('goes to unknown recipients at random domains, some unroutable', () => {
    const random = seededRandom(7);
    const emails = Array.from({ length: 200 }, () =>
      phishingEmail('acme', random),
    );
    expect(emails[0]).toMatchObject({
      tenantId: 'acme',
      from: 'support@acme.example.com',
      subject: expect.any(String),
      text: expect.stringContaining('http://secure-login.'),
      html: expect.stringContaining('<a href="http://secure-login.'),
      headers: { 'X-Tenant-Id': 'acme' },
    });
    const domains = new Set(
      emails.flatMap(e => e.to.map(to => to.split('@')[1])),
    );
    expect(domains.size).toBeGreaterThan(150);
    expect([...domains].some(d => d.endsWith('.invalid'))).toBe(true);
    expect(unknownRecipient(random)).toMatch(
      /^[a-z]+\.\d+@[a-z]+\d+\.[a-z.]+$/,
    );
  });

  it('validates the request', () => {
    expect(parseCompromiseRequest(undefined)).toEqual({
      ok: true,
      messages: 400,
      durationSeconds: 20,
    });
    expect(parseCompromiseRequest({ durationSeconds: 0 })).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        'durationSeconds must be a number above 0',
      ),
    });
    expect(parseCompromiseRequest({ messages: 1.5 })).toMatchObject({
      ok: false,
    });
  });
});
