import { ResponseError } from '@backstage/errors';
import { fleet } from '../__testUtils__/fixtures';
import { OpsClient } from './OpsClient';

const baseUrl = 'http://localhost:7007/api/ops';

/** Everything a request carries besides its URL: method, every header, body and signal. */
type Sent = {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
};

function setup(response: () => Response) {
  const discoveryApi = { getBaseUrl: jest.fn().mockResolvedValue(baseUrl) };
  const fetch = jest.fn(async (_url: string, _sent: Sent) => response());
  // The mock records each request whole, in whichever form the client sent it, so an
  // added, dropped or changed header or a lost signal shows in the assertions.
  const fetchApi = {
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request =
        input instanceof Request && init === undefined
          ? input
          : new Request(input, init);
      return fetch(request.url, await sentOf(request));
    },
  };
  const client = new OpsClient({ discoveryApi, fetchApi });
  return { client, fetch, discoveryApi };
}

async function sentOf(request: Request): Promise<Sent> {
  const body = request.body === null ? undefined : await request.text();
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.replace(/(^|-)[a-z]/g, c => c.toUpperCase())] = value;
  });
  return {
    method: request.method,
    headers,
    ...(body !== undefined && { body }),
    signal: request.signal,
  };
}

/** A request without body or headers, as the client sends every read. */
const bare = (method = 'GET') => ({
  method,
  headers: {},
  signal: expect.any(AbortSignal),
});

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
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/health/fleet`, bare());
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
        bare(),
      ],
      [`${baseUrl}/health/entities/component/default/mail-api/history`, bare()],
      [
        `${baseUrl}/health/entities/component/default/mail-api/probe`,
        bare('POST'),
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
      [`${baseUrl}/flags`, bare()],
      [`${baseUrl}/flags?includeArchived=true`, bare()],
      [`${baseUrl}/flags/ai%20composer%2Fv2`, bare()],
      [`${baseUrl}/tenants/acme/flags`, bare()],
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
      init?.headers,
      JSON.parse(String(init?.body)),
    ]);
    expect(calls).toEqual([
      [
        `${baseUrl}/flags`,
        'POST',
        { 'Content-Type': 'application/json' },
        expect.objectContaining({ key: 'ai-composer', defaultVariant: 'off' }),
      ],
      [
        `${baseUrl}/flags/ai-composer`,
        'PATCH',
        { 'Content-Type': 'application/json' },
        { reason: 'incident 42', change: { killSwitch: true } },
      ],
      [
        `${baseUrl}/flags/ai-composer/preview`,
        'POST',
        { 'Content-Type': 'application/json' },
        { override: { tenantId: 'acme', variant: 'off' } },
      ],
      [
        `${baseUrl}/flags/ai-composer/overrides/acme`,
        'PUT',
        { 'Content-Type': 'application/json' },
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
      bare('DELETE'),
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

  it('reads queues, history, alerts and samples with their filters', async () => {
    const { client, fetch } = setup(() => json({}));
    await client.getQueueOverview();
    await client.getQueueOverview({ tenantId: 'acme', source: 'bullmq' });
    await client.getQueueHistory({ range: '24h', tenantId: 'acme' });
    await client.getQueueHistory({ queueId: 'bullmq:outbound-email-acme' });
    await client.listQueueAlerts({ status: 'all' });
    await client.getTenantQueueSamples('acme');
    await client.getTenantQueueSamples('a/b', { limit: 5, unredacted: true });
    await client.getTenantQueueSamples('acme', { unredacted: false });
    await client.listNoticeTemplates();
    await client.listTenantNotices('acme');
    expect(fetch.mock.calls).toEqual([
      [`${baseUrl}/queues`, bare()],
      [`${baseUrl}/queues?tenantId=acme&source=bullmq`, bare()],
      [`${baseUrl}/queues/history?range=24h&tenantId=acme`, bare()],
      [
        `${baseUrl}/queues/history?queueId=bullmq%3Aoutbound-email-acme`,
        bare(),
      ],
      [`${baseUrl}/queues/alerts?status=all`, bare()],
      [`${baseUrl}/tenants/acme/queues/samples`, bare()],
      [
        `${baseUrl}/tenants/a%2Fb/queues/samples?limit=5&unredacted=true`,
        bare(),
      ],
      [`${baseUrl}/tenants/acme/queues/samples`, bare()],
      [`${baseUrl}/notices/templates`, bare()],
      [`${baseUrl}/tenants/acme/notices`, bare()],
    ]);
  });

  it('pauses, resumes and sends notices as JSON POSTs', async () => {
    const { client, fetch } = setup(() => json({}));
    const autoResumeAt = '2026-11-25T16:00:00.000Z';
    await client.pauseTenantQueues('acme', {
      reason: 'Compromised account',
      autoResumeAt,
    });
    await client.resumeTenantQueues('acme', { reason: 'Password reset' });
    await client.previewTenantNotice('acme', {
      templateId: 'security-alert',
      reason: 'Spam burst',
    });
    await client.sendTenantNotice('acme', {
      templateId: 'security-alert',
      reason: 'Spam burst',
    });
    const post = (body: unknown) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: expect.any(AbortSignal),
    });
    const notice = { templateId: 'security-alert', reason: 'Spam burst' };
    expect(fetch.mock.calls).toEqual([
      [
        `${baseUrl}/tenants/acme/queues/pause`,
        post({ reason: 'Compromised account', autoResumeAt }),
      ],
      [
        `${baseUrl}/tenants/acme/queues/resume`,
        post({ reason: 'Password reset' }),
      ],
      [`${baseUrl}/tenants/acme/notices/preview`, post(notice)],
      [`${baseUrl}/tenants/acme/notices`, post(notice)],
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

describe('OpsClient logs', () => {
  const page = { records: [], sources: [] };

  it('searches, buckets and counts a query over a window with its parameters', async () => {
    const { client, fetch } = setup(() => json(page));
    const window = {
      query: 'level>=warn service:mailer "connection refused"',
      from: '2026-11-25T10:00:00.000Z',
      to: '2026-11-25T11:00:00.000Z',
    };
    await client.searchLogs({ ...window, limit: 200, cursor: 'c1' });
    await client.searchLogs({ query: '' });
    await client.getLogHistogram({ ...window, buckets: 60 });
    await client.getLogTopValues({ ...window, field: 'tenant', limit: 5 });
    const q = 'q=level%3E%3Dwarn+service%3Amailer+%22connection+refused%22';
    const range =
      'from=2026-11-25T10%3A00%3A00.000Z&to=2026-11-25T11%3A00%3A00.000Z';
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/logs/search?${q}&${range}&limit=200&cursor=c1`,
      `${baseUrl}/logs/search`,
      `${baseUrl}/logs/histogram?${q}&${range}&buckets=60`,
      `${baseUrl}/logs/top?${q}&${range}&field=tenant&limit=5`,
    ]);
  });

  it('asks for the context of an encoded record id and long-polls the tail with an abort signal', async () => {
    const { client, fetch } = setup(() => json({ records: [], cursor: 'c9' }));
    await client.getLogContext('rec/1', { before: 20, after: 10 });
    const controller = new AbortController();
    await expect(
      client.tailLogs({
        query: 'tenant:acme',
        after: 'c8',
        waitSeconds: 25,
        signal: controller.signal,
      }),
    ).resolves.toEqual({ records: [], cursor: 'c9' });
    expect(fetch.mock.calls).toEqual([
      [`${baseUrl}/logs/records/rec%2F1/context?before=20&after=10`, bare()],
      [`${baseUrl}/logs/tail?q=tenant%3Aacme&after=c8&waitSeconds=25`, bare()],
    ]);
    // The tail's request follows the caller's signal: aborting it ends the long poll
    const tailSignal = fetch.mock.calls[1][1].signal;
    expect(tailSignal.aborted).toBe(false);
    controller.abort();
    expect(tailSignal.aborted).toBe(true);
  });

  it('exports the same query as a file', async () => {
    const { client, fetch } = setup(
      () =>
        new Response('{"id":"1"}\n', {
          headers: {
            'Content-Type': 'application/x-ndjson',
            'X-Ops-Export-Limit': '100000',
          },
        }),
    );
    const exported = await client.exportLogs({
      query: 'tenant:acme',
      format: 'ndjson',
    });
    expect(await exported.file.text()).toBe('{"id":"1"}\n');
    expect(exported).toEqual({
      file: expect.anything(),
      records: 1,
      maxRecords: 100000,
    });
    expect(fetch.mock.calls).toEqual([
      [`${baseUrl}/logs/export?q=tenant%3Aacme&format=ndjson`, bare()],
    ]);
  });

  it('counts the records of an export and reads the error that ended one part-way', async () => {
    const csv = [
      'time,level,service,tenantId,traceId,spanId,body,attributes,id',
      '2025-01-01T00:00:00.000Z,info,mailer,,,,"two\r\nlines, ""quoted""",{},1',
      '2025-01-01T00:00:01.000Z,info,mailer,,,,plain,{},2',
      '',
    ].join('\r\n');
    const ndjson =
      '{"id":"1"}\n{"id":"2"}\n{"error":"invalid Loki log cursor"}\n';
    const csvClient = setup(
      () => new Response(csv, { headers: { 'X-Ops-Export-Limit': '2' } }),
    ).client;
    await expect(csvClient.exportLogs({ format: 'csv' })).resolves.toEqual({
      file: expect.anything(),
      records: 2,
      maxRecords: 2,
    });
    const ndjsonClient = setup(() => new Response(ndjson)).client;
    await expect(
      ndjsonClient.exportLogs({ format: 'ndjson' }),
    ).resolves.toEqual({
      file: expect.anything(),
      records: 2,
      error: 'invalid Loki log cursor',
    });
  });

  it('throws the backend error of a refused search', async () => {
    const { client } = setup(() =>
      json(
        {
          error: {
            name: 'InputError',
            message: 'unknown field "foo"',
          },
          request: { method: 'GET', url: '/api/ops/logs/search' },
          response: { statusCode: 400 },
        },
        400,
      ),
    );
    const error = await client.searchLogs({ query: 'foo:1' }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.cause.message).toBe('unknown field "foo"');
  });
});
