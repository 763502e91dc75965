import request from 'supertest';
import { ADMIN, PLAIN } from '../__testUtils__/examplePolicyPermissions';
import {
  asCaller,
  CallerMatrixRoute,
  describeCallerMatrix,
  OWNER,
  startOpsWithTenantPolicy,
} from '../__testUtils__/startOpsWithTenantPolicy';

jest.setTimeout(60_000);

describe('flags routes', () => {
  let server: Awaited<ReturnType<typeof startOpsWithTenantPolicy>>['server'];

  beforeAll(async () => {
    ({ server } = await startOpsWithTenantPolicy({ tier: 'pro' }));
    await asCaller('admin')(
      request(server)
        .post('/api/ops/flags')
        .send({
          key: 'ai-composer',
          name: 'Beta: AI Composer',
          type: 'boolean',
          variants: { on: true, off: false },
          defaultVariant: 'off',
          rolloutPercentage: 50,
          rolloutVariant: 'on',
        }),
    ).expect(201);
  });

  let created = 0;
  const routes: CallerMatrixRoute[] = [
    {
      name: 'GET /flags',
      call: () => request(server).get('/api/ops/flags'),
      expected: { none: 401, plain: 200, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'POST /flags',
      call: () =>
        request(server)
          .post('/api/ops/flags')
          .send({
            key: `flag-${++created}`,
            name: 'F',
            type: 'string',
            variants: { a: 'a' },
            defaultVariant: 'a',
            reason: 'matrix',
          }),
      expected: { none: 401, plain: 403, owner: 403, admin: 201, service: 403 },
    },
    {
      name: 'GET /flags/{key}',
      call: () => request(server).get('/api/ops/flags/ai-composer'),
      expected: { none: 401, plain: 200, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'PATCH /flags/{key}',
      call: () =>
        request(server)
          .patch('/api/ops/flags/ai-composer')
          .send({ reason: 'matrix', change: { rolloutPercentage: 50 } }),
      expected: { none: 401, plain: 403, owner: 403, admin: 200, service: 403 },
    },
    {
      name: 'POST /flags/{key}/preview',
      call: () =>
        request(server)
          .post('/api/ops/flags/ai-composer/preview')
          .send({ change: { killSwitch: true } }),
      expected: { none: 401, plain: 200, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'PUT /flags/{key}/overrides/{tenant} of an owned tenant',
      call: () =>
        request(server)
          .put('/api/ops/flags/ai-composer/overrides/acme')
          .send({ variant: 'off', reason: 'matrix' }),
      expected: { none: 401, plain: 403, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'PUT /flags/{key}/overrides/{tenant} of a tenant owned by others',
      call: () =>
        request(server)
          .put('/api/ops/flags/ai-composer/overrides/globex')
          .send({ variant: 'off', reason: 'matrix' }),
      expected: { none: 401, plain: 403, owner: 403, admin: 200, service: 403 },
    },
    {
      name: 'DELETE /flags/{key}/overrides/{tenant} of an owned tenant',
      before: () =>
        asCaller('admin')(
          request(server)
            .put('/api/ops/flags/ai-composer/overrides/acme')
            .send({ variant: 'off', reason: 'setup' }),
        ).expect(200),
      call: () =>
        request(server).delete(
          '/api/ops/flags/ai-composer/overrides/acme?reason=matrix',
        ),
      expected: { none: 401, plain: 403, owner: 204, admin: 204, service: 403 },
    },
    {
      name: 'GET /tenants/{tenant}/flags',
      call: () => request(server).get('/api/ops/tenants/acme/flags'),
      expected: { none: 401, plain: 200, owner: 200, admin: 200, service: 403 },
    },
  ];

  describeCallerMatrix(routes);

  it('lets an owner override only the tenants they own, even with a tenant the catalog lacks', async () => {
    const res = await asCaller('owner')(
      request(server)
        .put('/api/ops/flags/ai-composer/overrides/unknown-tenant')
        .send({ variant: 'off', reason: 'x' }),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'ops.tenant.flags.override on tenant:default/unknown-tenant',
    );
  });

  describe('answers with clear errors', () => {
    it.each([
      [
        'a change without a reason',
        400,
        'reason',
        () =>
          request(server)
            .patch('/api/ops/flags/ai-composer')
            .send({ change: { killSwitch: true } }),
      ],
      [
        'a blank reason',
        400,
        'A reason is required',
        () =>
          request(server)
            .patch('/api/ops/flags/ai-composer')
            .send({ reason: '   ', change: { killSwitch: true } }),
      ],
      [
        'an override without a reason',
        400,
        'reason',
        () =>
          request(server)
            .put('/api/ops/flags/ai-composer/overrides/acme')
            .send({ variant: 'off' }),
      ],
      [
        'removing an override without a reason',
        400,
        'reason',
        () =>
          request(server).delete('/api/ops/flags/ai-composer/overrides/acme'),
      ],
      [
        'an unknown flag',
        404,
        "No flag 'nope'",
        () => request(server).get('/api/ops/flags/nope'),
      ],
      [
        'removing an override that does not exist',
        404,
        "has no override for tenant 'initech'",
        () =>
          request(server).delete(
            '/api/ops/flags/ai-composer/overrides/initech?reason=x',
          ),
      ],
      [
        'a duplicate key',
        409,
        "Flag 'ai-composer' exists",
        () =>
          request(server)
            .post('/api/ops/flags')
            .send({
              key: 'ai-composer',
              name: 'again',
              type: 'boolean',
              variants: { on: true },
              defaultVariant: 'on',
            }),
      ],
      [
        'a variant of the wrong type',
        400,
        'not a number',
        () =>
          request(server)
            .post('/api/ops/flags')
            .send({
              key: 'typed',
              name: 'typed',
              type: 'number',
              variants: { a: 'one' },
              defaultVariant: 'a',
            }),
      ],
      [
        'an invalid key',
        400,
        'key',
        () =>
          request(server)
            .post('/api/ops/flags')
            .send({
              key: 'Has Spaces',
              name: 'x',
              type: 'boolean',
              variants: { on: true },
              defaultVariant: 'on',
            }),
      ],
    ] as Array<[string, number, string, () => request.Test]>)(
      '%s → %d',
      async (_name, status, message, call) => {
        const res = await asCaller('admin')(call());
        expect(res.status).toBe(status);
        expect(JSON.stringify(res.body.error)).toContain(message);
      },
    );
  });

  it('audits flag changes and overrides with actor, reason, before and after', async () => {
    await asCaller('admin')(
      request(server)
        .patch('/api/ops/flags/ai-composer')
        .send({ reason: 'incident 7', change: { killSwitch: true } }),
    ).expect(200);
    await asCaller('owner')(
      request(server)
        .put('/api/ops/flags/ai-composer/overrides/acme')
        .send({ variant: 'on', reason: 'acme needs it for the launch' }),
    ).expect(200);

    const flagAudit = await asCaller('admin')(
      request(server).get(
        `/api/ops/audit?targetRef=${encodeURIComponent(
          'flag:default/ai-composer',
        )}`,
      ),
    );
    expect(flagAudit.body.events[0]).toMatchObject({
      actor: ADMIN,
      action: 'flag-update',
      outcome: 'success',
      details: {
        reason: 'incident 7',
        before: { killSwitch: false },
        after: { killSwitch: true },
      },
    });

    const tenantAudit = await asCaller('admin')(
      request(server).get(
        `/api/ops/audit?targetRef=${encodeURIComponent('tenant:default/acme')}`,
      ),
    );
    expect(tenantAudit.body.events[0]).toMatchObject({
      actor: OWNER,
      action: 'flag-override-set',
      outcome: 'success',
      details: {
        flagKey: 'ai-composer',
        tenantId: 'acme',
        reason: 'acme needs it for the launch',
        after: { variant: 'on', actor: OWNER },
      },
    });

    const detail = await asCaller('plain')(
      request(server).get('/api/ops/flags/ai-composer'),
    );
    expect(detail.body.history[0]).toMatchObject({
      action: 'flag-override-set',
      tenantId: 'acme',
      actor: OWNER,
      after: { variant: 'on' },
    });
    const list = await asCaller('plain')(request(server).get('/api/ops/flags'));
    expect(
      list.body.flags.find((f: any) => f.flag.key === 'ai-composer'),
    ).toMatchObject({
      flag: { killSwitch: true },
      overrideCount: expect.any(Number),
    });
  });

  it('audits a refused change as a failure, and a denied one not at all', async () => {
    await asCaller('admin')(
      request(server)
        .put('/api/ops/flags/ai-composer/overrides/globex')
        .send({ variant: 'nope', reason: 'typo' }),
    ).expect(400);
    await asCaller('plain')(
      request(server)
        .put('/api/ops/flags/ai-composer/overrides/globex')
        .send({ variant: 'on', reason: 'sneaky' }),
    ).expect(403);
    const audit = await asCaller('admin')(
      request(server).get(
        `/api/ops/audit?targetRef=${encodeURIComponent(
          'tenant:default/globex',
        )}`,
      ),
    );
    expect(audit.body.events[0]).toMatchObject({
      outcome: 'failure',
      actor: ADMIN,
      details: { error: expect.stringContaining("no variant 'nope'") },
    });
    expect(audit.body.events.some((e: any) => e.actor === PLAIN)).toBe(false);
  });
});
