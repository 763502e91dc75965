import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { opsPlatformProvidersExtensionPoint } from '@opsconsole/backstage-plugin-ops-node';
import request from 'supertest';
import { ADMIN, as, PLAIN } from '../__testUtils__/examplePolicyPermissions';
import { describePermissionMatrix } from '../__testUtils__/permissionMatrix';
import {
  asCaller,
  describeCallerMatrix,
  startOpsWithTenantPolicy,
} from '../__testUtils__/startOpsWithTenantPolicy';
import { InMemoryPlatformProvider } from '../platform/__testUtils__/InMemoryPlatformProvider';
import { tenant } from '../platform/__testUtils__/platformFixtures';
import { startOpsWithPlatforms } from '../platform/__testUtils__/startOpsWithPlatforms';
import { startSmtpServer } from './__testUtils__/startSmtpServer';

jest.setTimeout(60_000);

const platform = () =>
  new InMemoryPlatformProvider('eu', {
    tenants: [
      tenant('acme', { name: 'Acme Corp', adminEmail: 'ada@acme.example' }),
    ],
  });
const reason = 'Spike of 4,000 mails/min to unknown recipients; queue paused';
const acmeAudit = `/api/ops/audit?targetRef=${encodeURIComponent(
  'tenant:default/acme',
)}`;

describe('notice routes over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let server: Awaited<ReturnType<typeof startOpsWithPlatforms>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ({ server, stop } = await startOpsWithPlatforms({
      providers: [platform()],
      config: {
        ops: {
          notices: {
            contact: 'security@ops.example',
            smtp: {
              host: '127.0.0.1',
              port: smtp.port,
              from: 'Ops <ops@console.example>',
            },
          },
        },
      },
    }));
  });
  afterAll(async () => {
    await stop();
    await smtp.close();
  });

  const get = (path: string, who?: string) =>
    as(who)(request(server).get(path));
  const post = (path: string, body: object, who?: string) =>
    as(who)(request(server).post(path).send(body));
  /** Sends (or previews) the Security Alert with `reason` to acme as an ops admin. */
  const sendAsAdmin = (preview: '' | '/preview' = '') =>
    post(
      `/api/ops/tenants/acme/notices${preview}`,
      { templateId: 'security-alert', reason },
      ADMIN,
    );

  describePermissionMatrix(
    () => server,
    [
      // path, plain user, ops admin
      ['/api/ops/notices/templates', 200, 200],
      ['/api/ops/tenants/acme/notices', 403, 200],
    ],
  );

  it.each([
    ['/api/ops/tenants/acme/notices/preview', 200],
    ['/api/ops/tenants/acme/notices', 201],
  ])(
    'POST %s: 401 without credentials, 403 for a service and a plain user, %s for an ops admin',
    async (path, admin) => {
      const body = { templateId: 'security-alert', reason: 'matrix' };
      expect((await post(path, body)).status).toBe(401);
      const machine = await request(server)
        .post(path)
        .set('authorization', mockCredentials.service.header())
        .send(body);
      expect(machine.status).toBe(403);
      const plain = await post(path, body, PLAIN);
      expect(plain.status).toBe(403);
      expect(plain.body.error.message).toBe(
        'You are not allowed to ops.tenant.notify on tenant:default/acme',
      );
      expect((await post(path, body, ADMIN)).status).toBe(admin);
    },
  );

  it('lists the templates, the Security Alert among them', async () => {
    const res = await get('/api/ops/notices/templates', PLAIN);
    expect(res.body.templates).toContainEqual(
      expect.objectContaining({
        id: 'security-alert',
        title: 'Security Alert',
      }),
    );
  });

  it('previews without sending or storing', async () => {
    const before = smtp.received.length;
    const res = await sendAsAdmin('/preview');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      tenantId: 'acme',
      templateId: 'security-alert',
      to: 'a***@acme.example',
      subject: 'Security alert for your account Acme Corp',
      body: expect.stringContaining(reason),
    });
    expect(smtp.received).toHaveLength(before);
    const listed = await get('/api/ops/tenants/acme/notices', ADMIN);
    expect(listed.body.notices.map((n: any) => n.body)).not.toContainEqual(
      expect.stringContaining(reason),
    );
  });

  it('sends the notice to the tenant admin over SMTP, stores and audits it', async () => {
    const res = await sendAsAdmin();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      tenantId: 'acme',
      to: 'a***@acme.example',
      delivery: 'smtp',
      messageId: expect.stringMatching(/^<.+>$/),
      sentAt: expect.any(String),
    });

    const mail = smtp.received.at(-1)!;
    expect(mail.rcptTo).toEqual(['ada@acme.example']);
    expect(mail.headers.to).toBe('ada@acme.example');
    expect(mail.headers.from).toBe('Ops <ops@console.example>');
    expect(mail.headers.subject).toBe(
      'Security alert for your account Acme Corp',
    );
    expect(mail.headers['message-id']).toBe(res.body.messageId);
    expect(mail.text).toContain(
      'We detected unusual activity on your account Acme Corp (acme) at',
    );
    expect(mail.text).toContain(reason);
    expect(mail.text).toContain('contact security@ops.example.');
    expect(mail.text).toBe(res.body.body);

    const listed = await get('/api/ops/tenants/acme/notices', ADMIN);
    expect(listed.body.notices[0]).toEqual(res.body);

    const audit = await get(acmeAudit, ADMIN);
    expect(audit.body.events[0]).toMatchObject({
      actor: ADMIN,
      action: 'tenant-notice-send',
      targetRef: 'tenant:default/acme',
      outcome: 'success',
      details: {
        tenantId: 'acme',
        templateId: 'security-alert',
        reason,
        delivery: 'smtp',
        messageId: res.body.messageId,
      },
    });
  });

  it('answers 503 when the mail server refuses, records nothing as sent and audits the failure', async () => {
    const listedBefore = (await get('/api/ops/tenants/acme/notices', ADMIN))
      .body.notices.length;
    smtp.state.rejectWith = 'Message rejected by policy';
    try {
      const res = await post(
        '/api/ops/tenants/acme/notices',
        { templateId: 'security-alert', reason: 'will fail' },
        ADMIN,
      );
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(
        new RegExp(
          `^The notice was not sent: the mail server 127\\.0\\.0\\.1:${smtp.port} failed: .*Message rejected by policy`,
        ),
      );
    } finally {
      smtp.state.rejectWith = undefined;
    }
    const listed = await get('/api/ops/tenants/acme/notices', ADMIN);
    expect(listed.body.notices).toHaveLength(listedBefore);
    const audit = await get(acmeAudit, ADMIN);
    expect(audit.body.events[0]).toMatchObject({
      action: 'tenant-notice-send',
      outcome: 'failure',
      details: {
        templateId: 'security-alert',
        reason: 'will fail',
        error: expect.stringContaining('Message rejected by policy'),
      },
    });
  });

  it('answers 400 for an unknown template or a missing reason, 404 for an unknown tenant', async () => {
    const unknown = await post(
      '/api/ops/tenants/acme/notices/preview',
      { templateId: 'nope', reason },
      ADMIN,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'Unknown notice template "nope"; templates: security-alert',
    );
    const noReason = await post(
      '/api/ops/tenants/acme/notices',
      { templateId: 'security-alert' },
      ADMIN,
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    const blank = await post(
      '/api/ops/tenants/acme/notices/preview',
      { templateId: 'security-alert', reason: '   ' },
      ADMIN,
    );
    expect(blank.status).toBe(400);
    const missing = await post(
      '/api/ops/tenants/nope/notices/preview',
      { templateId: 'security-alert', reason },
      ADMIN,
    );
    expect(missing.status).toBe(404);
  });
});

describe('notice routes without SMTP', () => {
  let server: Awaited<ReturnType<typeof startOpsWithPlatforms>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ server, stop } = await startOpsWithPlatforms({
      providers: [platform()],
    }));
  });
  afterAll(() => stop());

  it('captures the notice, lists it and audits it: never dropped', async () => {
    const sent = await as(ADMIN)(
      request(server)
        .post('/api/ops/tenants/acme/notices')
        .send({ templateId: 'security-alert', reason }),
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      delivery: 'captured',
      to: 'a***@acme.example',
    });
    expect(sent.body.messageId).toBeUndefined();
    expect(sent.body.body).toContain('contact the operations team.');

    const listed = await as(ADMIN)(
      request(server).get('/api/ops/tenants/acme/notices'),
    );
    expect(listed.body.notices).toEqual([sent.body]);

    const audit = await as(ADMIN)(request(server).get(acmeAudit));
    expect(audit.body.events[0]).toMatchObject({
      action: 'tenant-notice-send',
      outcome: 'success',
      details: { delivery: 'captured', reason },
    });
  });
});

describe('notice routes under the example policy (tenant owners)', () => {
  let server: Awaited<ReturnType<typeof startOpsWithTenantPolicy>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ server, stop } = await startOpsWithTenantPolicy({
      tier: 'enterprise',
      features: [
        createBackendModule({
          pluginId: 'ops',
          moduleId: 'test-platforms',
          register(env) {
            env.registerInit({
              deps: { platforms: opsPlatformProvidersExtensionPoint },
              async init({ platforms }) {
                platforms.addProvider(
                  new InMemoryPlatformProvider('eu', {
                    tenants: [tenant('acme'), tenant('globex')],
                  }),
                );
              },
            });
          },
        }),
      ],
    }));
  });
  afterAll(() => stop());

  const send = (tenantId: string) => () =>
    request(server)
      .post(`/api/ops/tenants/${tenantId}/notices`)
      .send({ templateId: 'security-alert', reason: 'matrix' });

  describeCallerMatrix([
    {
      name: 'GET /tenants/{tenant}/notices of an owned tenant',
      call: () => request(server).get('/api/ops/tenants/acme/notices'),
      expected: { none: 401, plain: 403, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'GET /tenants/{tenant}/notices of a tenant owned by others',
      call: () => request(server).get('/api/ops/tenants/globex/notices'),
      expected: { none: 401, plain: 403, owner: 403, admin: 200, service: 403 },
    },
    {
      name: 'POST /tenants/{tenant}/notices to an owned tenant',
      call: send('acme'),
      expected: { none: 401, plain: 403, owner: 201, admin: 201, service: 403 },
    },
    {
      name: 'POST /tenants/{tenant}/notices to a tenant owned by others',
      call: send('globex'),
      expected: { none: 401, plain: 403, owner: 403, admin: 201, service: 403 },
    },
  ]);

  it('lists to the owner the notices of their tenant', async () => {
    const sent = await asCaller('owner')(send('acme')());
    expect(sent.status).toBe(201);
    const listed = await asCaller('owner')(
      request(server).get('/api/ops/tenants/acme/notices'),
    );
    expect(listed.status).toBe(200);
    expect(listed.body.notices[0]).toEqual(sent.body);
  });
});
