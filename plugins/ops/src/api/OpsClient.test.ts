import { ResponseError } from '@backstage/errors';
import { fleet } from '../__testUtils__/fixtures';
import { OpsClient } from './OpsClient';

const baseUrl = 'http://localhost:7007/api/ops';

function setup(response: () => Response) {
  const discoveryApi = { getBaseUrl: jest.fn().mockResolvedValue(baseUrl) };
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response(),
  );
  const client = new OpsClient({ discoveryApi, fetchApi: { fetch } });
  return { client, fetch, discoveryApi };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('OpsClient', () => {
  it('gets the fleet summary from the ops backend', async () => {
    const { client, fetch, discoveryApi } = setup(() => json(fleet));
    await expect(client.getFleetSummary()).resolves.toEqual(fleet);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('ops');
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/health/fleet`, undefined);
  });

  it('builds entity URLs from string and compound refs, encoding segments', async () => {
    const { client, fetch } = setup(() => json({}));
    await client.getEntityHealth('component:default/mail-api');
    await client.getEntityHealth({
      kind: 'Component',
      namespace: 'team a',
      name: 'api/v2#1',
    });
    await client.getEntityHealth('resource:mta');
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/health/entities/component/default/mail-api`,
      `${baseUrl}/health/entities/Component/team%20a/api%2Fv2%231`,
      `${baseUrl}/health/entities/resource/default/mta`,
    ]);
  });

  it('asks for history of a range and probes with POST', async () => {
    const { client, fetch } = setup(() => json({}));
    await client.getEntityHistory('component:default/mail-api', {
      range: '7d',
    });
    await client.getEntityHistory('component:default/mail-api');
    await client.probeEntity('component:default/mail-api');
    expect(fetch.mock.calls).toEqual([
      [
        `${baseUrl}/health/entities/component/default/mail-api/history?range=7d`,
        undefined,
      ],
      [
        `${baseUrl}/health/entities/component/default/mail-api/history`,
        undefined,
      ],
      [
        `${baseUrl}/health/entities/component/default/mail-api/probe`,
        { method: 'POST' },
      ],
    ]);
  });

  it('lists audit events with query parameters', async () => {
    const { client, fetch } = setup(() => json({ events: [] }));
    await expect(
      client.listAuditEvents({
        targetRef: 'component:default/mail-api',
        limit: 20,
      }),
    ).resolves.toEqual({ events: [] });
    await client.listAuditEvents();
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/audit?targetRef=component%3Adefault%2Fmail-api&limit=20`,
      `${baseUrl}/audit`,
    ]);
  });

  it('reads flags, a flag and a tenant’s flags, encoding keys', async () => {
    const { client, fetch } = setup(() => json({ flags: [] }));
    await client.listFlags();
    await client.listFlags({ includeArchived: true });
    await client.getFlag('ai composer/v2');
    await client.getTenantFlags('acme');
    expect(fetch.mock.calls).toEqual([
      [`${baseUrl}/flags`, undefined],
      [`${baseUrl}/flags?includeArchived=true`, undefined],
      [`${baseUrl}/flags/ai%20composer%2Fv2`, undefined],
      [`${baseUrl}/tenants/acme/flags`, undefined],
    ]);
  });

  it('sends flag changes as JSON with the right methods', async () => {
    const { client, fetch } = setup(() => json({}));
    await client.createFlag({
      key: 'ai-composer',
      name: 'Beta: AI Composer',
      type: 'boolean',
      variants: { on: true, off: false },
      defaultVariant: 'off',
    });
    await client.updateFlag('ai-composer', {
      reason: 'incident 42',
      change: { killSwitch: true },
    });
    await client.previewFlagChange('ai-composer', {
      override: { tenantId: 'acme', variant: 'off' },
    });
    await client.setFlagOverride('ai-composer', 'acme', {
      variant: 'off',
      reason: 'breaks their workflow',
    });
    const calls = fetch.mock.calls.map(([url, init]) => [
      url,
      init?.method,
      (init?.headers as Record<string, string>)?.['Content-Type'],
      JSON.parse(String(init?.body)),
    ]);
    expect(calls).toEqual([
      [
        `${baseUrl}/flags`,
        'POST',
        'application/json',
        expect.objectContaining({ key: 'ai-composer', defaultVariant: 'off' }),
      ],
      [
        `${baseUrl}/flags/ai-composer`,
        'PATCH',
        'application/json',
        { reason: 'incident 42', change: { killSwitch: true } },
      ],
      [
        `${baseUrl}/flags/ai-composer/preview`,
        'POST',
        'application/json',
        { override: { tenantId: 'acme', variant: 'off' } },
      ],
      [
        `${baseUrl}/flags/ai-composer/overrides/acme`,
        'PUT',
        'application/json',
        { variant: 'off', reason: 'breaks their workflow' },
      ],
    ]);
  });

  it('removes an override with DELETE, the reason in the query, and a 204', async () => {
    const { client, fetch } = setup(() => new Response(null, { status: 204 }));
    await expect(
      client.removeFlagOverride('ai-composer', 'acme', {
        reason: 'fixed & verified',
      }),
    ).resolves.toBeUndefined();
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/flags/ai-composer/overrides/acme?reason=fixed+%26+verified`,
      { method: 'DELETE' },
    );
  });

  it('reads tenants and users, asking for reveal only when wanted', async () => {
    const { client, fetch } = setup(() => json({}));
    await client.getTenant('acme');
    await client.getTenant('acme', { reveal: true });
    await client.listTenantUsers('acme', { reveal: false });
    await client.getTenantDeliverability('acme', { range: '30d' });
    await client.getTenantTimeline('acme', { limit: 50 });
    await client.searchUsers({ query: 'jane@acme', limit: 20 });
    await client.searchUsers({ query: 'jane', reveal: true });
    await client.getUser('u/1');
    await client.getUser('u-1', { reveal: true });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/tenants/acme`,
      `${baseUrl}/tenants/acme?reveal=true`,
      `${baseUrl}/tenants/acme/users`,
      `${baseUrl}/tenants/acme/deliverability?range=30d`,
      `${baseUrl}/tenants/acme/timeline?limit=50`,
      `${baseUrl}/users/search?q=jane%40acme&limit=20`,
      `${baseUrl}/users/search?q=jane&reveal=true`,
      `${baseUrl}/users/u%2F1`,
      `${baseUrl}/users/u-1?reveal=true`,
    ]);
  });

  it('throws a ResponseError carrying the backend error on 4xx', async () => {
    const { client } = setup(() =>
      json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'Missing permission ops.health.probe',
          },
          request: {
            method: 'POST',
            url: '/api/ops/health/entities/component/default/mail-api/probe',
          },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    const error = await client
      .probeEntity('component:default/mail-api')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.name).toBe('NotAllowedError');
    expect(error.cause.message).toBe('Missing permission ops.health.probe');
  });

  it('throws a ResponseError for a 404 without a JSON body', async () => {
    const { client } = setup(
      () => new Response('not found', { status: 404, statusText: 'Not Found' }),
    );
    await expect(
      client.getEntityHealth('component:default/nope'),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
    });
  });
});
