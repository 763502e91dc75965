import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { opsPlugin } from '../plugin';
import { examplePolicyModule, OPS_ADMINS } from './__testUtils__/examplePolicy';
import { mockAuthWithActorsFactory } from './__testUtils__/mockAuthWithActors';

jest.setTimeout(60_000);

const ADMIN = 'user:default/admin';
const OWNER = 'user:default/owner'; // owns tenant acme through group team-acme
const PLAIN = 'user:default/plain';

const tenant = (name: string, owner: string): Entity => ({
  apiVersion: 'opsconsole.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name, namespace: 'default' },
  spec: { owner, tier: 'pro', region: 'eu', status: 'active' },
});

const ownership: Record<string, string[]> = {
  [ADMIN]: [ADMIN, OPS_ADMINS],
  [OWNER]: [OWNER, 'group:default/team-acme'],
  [PLAIN]: [PLAIN],
};

type Caller = 'none' | 'plain' | 'owner' | 'admin' | 'service';

describe('flags routes', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        opsPlugin,
        permissionPlugin,
        examplePolicyModule,
        permissionsServiceFactory,
        mockAuthWithActorsFactory,
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const ref = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return { userEntityRef: ref, ownershipEntityRefs: ownership[ref] };
          },
        }).factory,
        catalogServiceMock.factory({
          entities: [
            tenant('acme', 'team-acme'),
            tenant('globex', 'group:default/team-globex'),
          ],
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    server = backend.server;
    await as('admin')(
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

  function as(caller: Caller) {
    return (req: request.Test) => {
      switch (caller) {
        case 'none':
          return req;
        case 'service':
          return req.set('authorization', mockCredentials.service.header());
        default:
          return req.set(
            'authorization',
            mockCredentials.user.header(`user:default/${caller}`),
          );
      }
    };
  }

  let created = 0;
  const routes: Array<{
    name: string;
    call: () => request.Test;
    before?: () => Promise<unknown>;
    expected: Record<Caller, number>;
  }> = [
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
        as('admin')(
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

  describe.each(routes)('$name', ({ call, before, expected }) => {
    it.each(Object.entries(expected) as Array<[Caller, number]>)(
      'as %s: %d',
      async (caller, status) => {
        await before?.();
        const res = await as(caller)(call());
        expect(res.status).toBe(status);
      },
    );
  });

  it('lets an owner override only the tenants they own, even with a tenant the catalog lacks', async () => {
    const res = await as('owner')(
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
        const res = await as('admin')(call());
        expect(res.status).toBe(status);
        expect(JSON.stringify(res.body.error)).toContain(message);
      },
    );
  });

  it('audits flag changes and overrides with actor, reason, before and after', async () => {
    await as('admin')(
      request(server)
        .patch('/api/ops/flags/ai-composer')
        .send({ reason: 'incident 7', change: { killSwitch: true } }),
    ).expect(200);
    await as('owner')(
      request(server)
        .put('/api/ops/flags/ai-composer/overrides/acme')
        .send({ variant: 'on', reason: 'acme needs it for the launch' }),
    ).expect(200);

    const flagAudit = await as('admin')(
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

    const tenantAudit = await as('admin')(
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

    const detail = await as('plain')(
      request(server).get('/api/ops/flags/ai-composer'),
    );
    expect(detail.body.history[0]).toMatchObject({
      action: 'flag-override-set',
      tenantId: 'acme',
      actor: OWNER,
      after: { variant: 'on' },
    });
    const list = await as('plain')(request(server).get('/api/ops/flags'));
    expect(
      list.body.flags.find((f: any) => f.flag.key === 'ai-composer'),
    ).toMatchObject({
      flag: { killSwitch: true },
      overrideCount: expect.any(Number),
    });
  });

  it('audits a refused change as a failure, and a denied one not at all', async () => {
    await as('admin')(
      request(server)
        .put('/api/ops/flags/ai-composer/overrides/globex')
        .send({ variant: 'nope', reason: 'typo' }),
    ).expect(400);
    await as('plain')(
      request(server)
        .put('/api/ops/flags/ai-composer/overrides/globex')
        .send({ variant: 'on', reason: 'sneaky' }),
    ).expect(403);
    const audit = await as('admin')(
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
