import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import {
  LogProvider,
  opsLogProvidersExtensionPoint,
} from '@opsconsole/backstage-plugin-ops-node';
import express from 'express';
import { Server } from 'node:http';
import request from 'supertest';
import {
  ADMIN,
  as,
  examplePolicyPermissionsMock,
  PLAIN,
} from '../__testUtils__/examplePolicyPermissions';
import { describePermissionMatrix } from '../__testUtils__/permissionMatrix';
import { opsPlugin } from '../plugin';
import { createOpenApiRouter } from '../schema/openapi/generated/router';
import { LogsAccessResolver } from './logsAccess';
import { EXPORT_LIMIT_HEADER, mountLogsRoutes } from './logsRoutes';
import { LogsService } from './LogsService';

jest.setTimeout(60_000);

const tenant = (name: string, owner: string): Entity => ({
  apiVersion: 'opsconsole.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name, namespace: 'default' },
  spec: { owner, tier: 'pro', region: 'eu', status: 'active' },
});

/** Whether {@link brokenSource} is down (some tests bring it up). */
const broken = { down: true };
/** Throws while {@link broken} is down, else answers `up` (an empty answer). */
const unlessDown =
  <T>(up: T) =>
  async (): Promise<T> => {
    if (broken.down) throw new Error('connection refused');
    return up;
  };

/** A second log source that is down (while `broken.down`), or up with no records. */
const brokenSource: LogProvider = {
  id: 'broken-source',
  search: unlessDown({ records: [] }),
  histogram: unlessDown([]),
  context: async () => undefined,
  tail: unlessDown({ records: [], cursor: 'b0' }),
  topValues: unlessDown([]),
};

const enc = encodeURIComponent;
const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

function otlpBody(
  records: Array<{ body: string; tenant?: string; level?: number; ms: number }>,
) {
  return {
    resourceLogs: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'mailer' } },
          ],
        },
        scopeLogs: [
          {
            logRecords: records.map(r => ({
              timeUnixNano: nanos(r.ms),
              severityNumber: r.level ?? 9,
              body: { stringValue: r.body },
              attributes: r.tenant
                ? [{ key: 'tenant.id', value: { stringValue: r.tenant } }]
                : [],
            })),
          },
        ],
      },
    ],
  };
}

describe('log routes', () => {
  let server: Server;
  let stop: () => Promise<void>;
  const now = Date.now();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        opsPlugin,
        createBackendModule({
          pluginId: 'ops',
          moduleId: 'test-log-sources',
          register(env) {
            env.registerInit({
              deps: { logs: opsLogProvidersExtensionPoint },
              async init({ logs }) {
                logs.addProvider(brokenSource);
              },
            });
          },
        }),
        catalogServiceMock.factory({
          entities: [
            tenant('acme', PLAIN),
            tenant('globex', 'group:default/globex'),
          ],
        }),
        examplePolicyPermissionsMock().factory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    const ingest = await as(ADMIN)(
      request(server)
        .post('/api/ops/otlp/v1/logs')
        .send(
          otlpBody([
            { body: 'acme mail sent', tenant: 'acme', ms: now - 60_000 },
            {
              body: 'acme bounce',
              tenant: 'acme',
              level: 17,
              ms: now - 50_000,
            },
            { body: 'globex mail sent', tenant: 'globex', ms: now - 40_000 },
            {
              body: '=HYPERLINK("http://evil")',
              tenant: 'globex',
              ms: now - 30_000,
            },
            { body: 'no tenant here', ms: now - 20_000 },
          ]),
        ),
    );
    if (ingest.status !== 200 || JSON.stringify(ingest.body) !== '{}') {
      throw new Error(`ingest failed: ${ingest.status} ${ingest.text}`);
    }
    const all = await as(ADMIN)(request(server).get('/api/ops/logs/search'));
    if (!all.body.records) throw new Error(JSON.stringify(all.body));
    for (const r of all.body.records) ids[r.body] = r.id;
  });
  afterAll(() => stop());

  const get = (path: string, who?: string) =>
    as(who)(request(server).get(path));

  describePermissionMatrix(
    () => server,
    [
      // path, plain user (owner of acme), ops admin
      [`/api/ops/logs/search?q=${enc('level>=info')}`, 200, 200],
      ['/api/ops/logs/histogram?buckets=10', 200, 200],
      ['/api/ops/logs/tail', 200, 200],
      ['/api/ops/logs/top?field=service', 200, 200],
      [`/api/ops/logs/records/${encodeURIComponent('1-1')}/context`, 404, 404],
    ],
  );

  it('ingests over OTLP only with ops.logs.ingest', async () => {
    const body = otlpBody([{ body: 'x', ms: now }]);
    const post = () => request(server).post('/api/ops/otlp/v1/logs').send(body);
    expect((await post()).status).toBe(401);
    expect((await as(PLAIN)(post())).status).toBe(403);
    // the example policy lets machines ingest only through a token restricted to it
    expect(
      (await post().set('authorization', mockCredentials.service.header()))
        .status,
    ).toBe(403);
  });

  it("limits a tenant owner to their tenants' records, and says which sources answered", async () => {
    const mine = await get('/api/ops/logs/search', PLAIN);
    expect(mine.body.records.map((r: any) => r.body)).toEqual([
      'acme bounce',
      'acme mail sent',
    ]);
    expect(mine.body.sources).toEqual([
      { id: 'broken-source', status: 'degraded', error: 'connection refused' },
      { id: 'ops-store', status: 'ok' },
    ]);
    expect(
      (await get(`/api/ops/logs/search?q=${enc('tenant:globex')}`, PLAIN)).body
        .records,
    ).toEqual([]);
    const everything = await get('/api/ops/logs/search', ADMIN);
    expect(everything.body.records.length).toBeGreaterThanOrEqual(5);

    const top = await get('/api/ops/logs/top?field=tenant', PLAIN);
    expect(top.body.values).toEqual([{ value: 'acme', count: 2 }]);

    const histogram = await get('/api/ops/logs/histogram?buckets=6', PLAIN);
    expect(histogram.body.buckets).toHaveLength(6);
    const counted = histogram.body.buckets.reduce(
      (n: number, b: any) => n + (b.counts.info ?? 0) + (b.counts.error ?? 0),
      0,
    );
    expect(counted).toBe(2);

    const own = await get(
      `/api/ops/logs/records/${ids['acme bounce']}/context`,
      PLAIN,
    );
    expect(own.status).toBe(200);
    expect(own.body.before.map((r: any) => r.body)).toEqual(['acme mail sent']);
    expect(own.body.after).toEqual([]);
    expect(
      (
        await get(
          `/api/ops/logs/records/${ids['globex mail sent']}/context`,
          PLAIN,
        )
      ).status,
    ).toBe(404);
    const admin = await get(
      `/api/ops/logs/records/${ids['globex mail sent']}/context?before=1&after=1`,
      ADMIN,
    );
    expect(admin.body.before.map((r: any) => r.body)).toEqual(['acme bounce']);
  });

  it('accepts a query encoded the way browsers do (URLSearchParams: spaces as +)', async () => {
    const query = new URLSearchParams({ q: 'tenant:acme "mail sent"' });
    expect(query.toString()).toContain('+');
    const res = await get(`/api/ops/logs/search?${query}`, ADMIN);
    expect(res.status).toBe(200);
    expect(res.body.records.map((r: any) => r.body)).toEqual([
      'acme mail sent',
    ]);
  });

  it('pages with cursors and rejects bad queries, times and cursors with 400', async () => {
    const first = await get('/api/ops/logs/search?limit=2', ADMIN);
    expect(first.body.records).toHaveLength(2);
    const second = await get(
      `/api/ops/logs/search?limit=2&cursor=${first.body.nextCursor}`,
      ADMIN,
    );
    expect(second.body.records[0].time <= first.body.records[1].time).toBe(
      true,
    );
    expect(second.body.records.map((r: any) => r.id)).not.toContain(
      first.body.records[1].id,
    );

    const bad = await get(`/api/ops/logs/search?q=${enc('foo:bar')}`, ADMIN);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('unknown field "foo"');
    expect(
      (await get('/api/ops/logs/search?from=yesterday', ADMIN)).status,
    ).toBe(400);
    expect((await get('/api/ops/logs/search?cursor=%%%', ADMIN)).status).toBe(
      400,
    );
    expect((await get('/api/ops/logs/tail?waitSeconds=60', ADMIN)).status).toBe(
      400,
    );
    expect((await get('/api/ops/logs/top?field=body', ADMIN)).status).toBe(400);
  });

  it('refuses an export while a source is down: a 503 naming it, before any byte', async () => {
    for (const [format, who] of [
      ['ndjson', ADMIN],
      ['csv', PLAIN],
    ]) {
      const res = await get(`/api/ops/logs/export?format=${format}`, who);
      expect(res.status).toBe(503);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message:
          'export incomplete: source broken-source failed: connection refused',
      });
    }
  });

  describe('with every log source up', () => {
    beforeAll(() => {
      broken.down = false;
    });
    afterAll(() => {
      broken.down = true;
    });

    describePermissionMatrix(
      () => server,
      [
        ['/api/ops/logs/export?format=csv', 200, 200],
        ['/api/ops/logs/export', 200, 200],
      ],
    );

    it('exports NDJSON and injection-safe CSV', async () => {
      const ndjson = await get(
        `/api/ops/logs/export?q=${enc('tenant:globex')}`,
        ADMIN,
      );
      expect(ndjson.headers['content-type']).toContain('application/x-ndjson');
      const lines = ndjson.text
        .trim()
        .split('\n')
        .map(l => JSON.parse(l));
      expect(lines.map(l => l.body)).toEqual([
        '=HYPERLINK("http://evil")',
        'globex mail sent',
      ]);
      const csv = await get(
        `/api/ops/logs/export?format=csv&q=${enc('tenant:globex')}`,
        ADMIN,
      );
      expect(csv.headers['content-disposition']).toMatch(
        /attachment; filename="logs-.*\.csv"/,
      );
      const rows = csv.text.split('\r\n');
      expect(rows[0]).toBe(
        'time,level,service,tenantId,traceId,spanId,body,attributes,id',
      );
      expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
      const plainCsv = await get('/api/ops/logs/export?format=csv', PLAIN);
      expect(plainCsv.text).not.toContain('globex');
    });

    it("exports to a tenant owner only their tenants' records", async () => {
      const bodies = async (path: string) =>
        (await get(path, PLAIN)).text
          .trim()
          .split('\n')
          .filter(Boolean)
          .map(l => JSON.parse(l).body);
      expect(await bodies('/api/ops/logs/export')).toEqual([
        'acme bounce',
        'acme mail sent',
      ]);
      expect(
        await bodies(`/api/ops/logs/export?q=${enc('tenant:globex')}`),
      ).toEqual([]);
      const csv = await get('/api/ops/logs/export?format=csv', PLAIN);
      expect(csv.text.split('\r\n').slice(1).filter(Boolean)).toEqual([
        expect.stringContaining('acme bounce'),
        expect.stringContaining('acme mail sent'),
      ]);
    });
  });

  it('tails: a cursor first, then what arrives, waking a waiting long-poll', async () => {
    const start = await get(
      `/api/ops/logs/tail?q=${enc('tenant:acme')}`,
      PLAIN,
    );
    expect(start.body.records).toEqual([]);
    const waiting = get(
      `/api/ops/logs/tail?q=${enc('tenant:acme')}&waitSeconds=20&after=${
        start.body.cursor
      }`,
      PLAIN,
    ).then(res => res);
    await as(ADMIN)(
      request(server)
        .post('/api/ops/otlp/v1/logs')
        .send(
          otlpBody([
            { body: 'globex live', tenant: 'globex', ms: Date.now() },
            { body: 'acme live', tenant: 'acme', ms: Date.now() },
          ]),
        ),
    ).expect(200);
    const res = await waiting;
    expect(res.body.records.map((r: any) => r.body)).toEqual(['acme live']);

    // without a tenant in the query the owner still tails only their tenants
    const tail = async (q: string, who: string) =>
      (
        await get(
          `/api/ops/logs/tail?q=${enc(q)}&after=${start.body.cursor}`,
          who,
        )
      ).body.records.map((r: any) => r.body);
    expect(await tail('live', PLAIN)).toEqual(['acme live']);
    expect(await tail('tenant:globex', PLAIN)).toEqual([]);
    expect(await tail('live', ADMIN)).toEqual(['globex live', 'acme live']);
  });

  it("tails from a search's tailCursor: what arrives after the search, not what it showed", async () => {
    const ingest = (body: string) =>
      as(ADMIN)(
        request(server)
          .post('/api/ops/otlp/v1/logs')
          .send(otlpBody([{ body, tenant: 'acme', ms: Date.now() }])),
      ).expect(200);
    await ingest('handover shown');
    const search = await get(
      `/api/ops/logs/search?q=${enc('handover')}&limit=1`,
      PLAIN,
    );
    expect(search.body.records.map((r: any) => r.body)).toEqual([
      'handover shown',
    ]);
    expect(search.body.tailCursor).toEqual(expect.any(String));
    // the broken source is named, as in the search itself
    expect(search.body.sources).toEqual([
      { id: 'broken-source', status: 'degraded', error: 'connection refused' },
      { id: 'ops-store', status: 'ok' },
    ]);
    await ingest('handover new');
    await ingest('unrelated news');
    const tail = await get(
      `/api/ops/logs/tail?q=${enc('handover')}&after=${enc(
        search.body.tailCursor,
      )}`,
      PLAIN,
    );
    expect(tail.status).toBe(200);
    expect(tail.body.records.map((r: any) => r.body)).toEqual(['handover new']);
  });

  it("tails past a failing source: names it and still brings the others' records", async () => {
    const start = await get(`/api/ops/logs/tail?q=${enc('outage')}`, ADMIN);
    expect(start.status).toBe(200);
    expect(start.body.sources).toEqual([
      { id: 'broken-source', status: 'degraded', error: 'connection refused' },
      { id: 'ops-store', status: 'ok' },
    ]);
    await as(ADMIN)(
      request(server)
        .post('/api/ops/otlp/v1/logs')
        .send(otlpBody([{ body: 'outage noticed', ms: Date.now() }])),
    ).expect(200);
    const res = await get(
      `/api/ops/logs/tail?q=${enc('outage')}&after=${start.body.cursor}`,
      ADMIN,
    );
    expect(res.status).toBe(200);
    expect(res.body.records.map((r: any) => r.body)).toEqual([
      'outage noticed',
    ]);
    expect(res.body.sources).toEqual([
      { id: 'broken-source', status: 'degraded', error: 'connection refused' },
      { id: 'ops-store', status: 'ok' },
    ]);
  });
});

describe('log export', () => {
  const now = Date.now();
  const records = (from: number, count: number): LogRecord[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `r${from + i}`,
      time: new Date(now - 1000 - from - i).toISOString(),
      level: 'info',
      service: 'mailer',
      body: `line ${from + i}`,
      attributes: {},
    }));

  /**
   * The export route over one source that has `pages` of 1,000 records, then fails with
   * `error` (default: an InputError), and `others`.
   */
  async function exportApp(options: {
    pages: number;
    max: number;
    error?: Error;
    others?: LogProvider[];
  }) {
    const source: LogProvider = {
      id: 'paged',
      search: async (_scope, { cursor }) => {
        const page = cursor ? Number(cursor) : 0;
        if (page >= options.pages) {
          throw options.error ?? new InputError(`cannot read page ${page}`);
        }
        return {
          records: records(page * 1000, 1000),
          nextCursor: String(page + 1),
        };
      },
      histogram: async () => [],
      context: async () => undefined,
      tail: async () => ({ records: [], cursor: '0' }),
      topValues: async () => [],
    };
    const router = await createOpenApiRouter();
    const access = (async () => ({
      sources: [],
    })) as unknown as LogsAccessResolver;
    mountLogsRoutes(router, {
      service: new LogsService({
        providers: [source, ...(options.others ?? [])],
      }),
      access,
      exportMaxRecords: options.max,
    });
    // exposed headers come from `backend.cors`, as in app-config.yaml
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig({
        data: {
          backend: {
            cors: {
              origin: 'http://localhost:3000',
              exposedHeaders: [EXPORT_LIMIT_HEADER],
            },
          },
        },
      }),
      logger: mockServices.logger.mock(),
    });
    return express().use(middleware.cors()).use(router).use(middleware.error());
  }

  it('says how many records an export holds at most, in a header a browser script may read', async () => {
    const app = await exportApp({ pages: 10, max: 1500 });
    const ndjson = await request(app)
      .get('/logs/export')
      .set('Origin', 'http://localhost:3000');
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers['x-ops-export-limit']).toBe('1500');
    expect(ndjson.headers['access-control-expose-headers']).toBe(
      'X-Ops-Export-Limit',
    );
    // stopped at the limit
    expect(ndjson.text.trim().split('\n')).toHaveLength(1500);
    const csv = await request(app).get('/logs/export?format=csv');
    expect(csv.headers['x-ops-export-limit']).toBe('1500');
    expect(csv.text.trim().split('\r\n')).toHaveLength(1 + 1500);
  });

  it('ends NDJSON with an error line and cuts CSV off when a later page fails', async () => {
    const app = await exportApp({ pages: 1, max: 5000 });
    const ndjson = await request(app).get('/logs/export');
    expect(ndjson.status).toBe(200);
    const lines = ndjson.text.trim().split('\n');
    expect(lines).toHaveLength(1001);
    expect(JSON.parse(lines[0])).toMatchObject({ body: 'line 0' });
    expect(JSON.parse(lines[1000])).toEqual({ error: 'cannot read page 1' });

    await expect(request(app).get('/logs/export?format=csv')).rejects.toThrow(
      /aborted|socket hang up|ECONNRESET/,
    );
  });

  it('answers 503 naming a source that is down on the first page, before any byte', async () => {
    const app = await exportApp({
      pages: 3,
      max: 5000,
      others: [brokenSource],
    });
    for (const format of ['ndjson', 'csv']) {
      const res = await request(app).get(`/logs/export?format=${format}`);
      expect(res.status).toBe(503);
      expect(res.headers['x-ops-export-limit']).toBeUndefined();
      expect(res.body.error.message).toBe(
        'export incomplete: source broken-source failed: connection refused',
      );
    }
  });

  it('ends NDJSON with an error line naming a source that fails on a later page, and cuts CSV off', async () => {
    const app = await exportApp({
      pages: 1,
      max: 5000,
      error: new Error('connection reset'),
    });
    const ndjson = await request(app).get('/logs/export');
    expect(ndjson.status).toBe(200);
    const lines = ndjson.text.trim().split('\n');
    expect(lines).toHaveLength(1001);
    expect(JSON.parse(lines[999])).toMatchObject({ body: 'line 999' });
    expect(JSON.parse(lines[1000])).toEqual({
      error: 'export incomplete: source paged failed: connection reset',
    });

    await expect(request(app).get('/logs/export?format=csv')).rejects.toThrow(
      /aborted|socket hang up|ECONNRESET/,
    );
  });
});
