import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  LogQuery,
  LogRecord,
  parseLogQuery,
} from '@opsconsole/backstage-plugin-ops-common';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import {
  MAILER_STREAMS,
  matrixResponse,
  streamsResponse,
  vectorResponse,
} from '../__fixtures__/lokiResponses';
import { FakeEntry, fakeLokiHandler } from '../__testUtils__/fakeLoki';
import { LokiLogProvider, LokiLogProviderOptions } from './LokiLogProvider';
import { decodeRecordId } from './records';

const BASE = 'http://loki.test:3100';
const RANGE = `${BASE}/loki/api/v1/query_range`;
const INSTANT = `${BASE}/loki/api/v1/query`;
// 2025-11-26T00:00:00Z
const T0 = 1764115200000;
const NS = (ms: number) => (BigInt(ms) * 1_000_000n).toString();

function q(input: string): LogQuery {
  const parsed = parseLogQuery(input);
  if (!parsed.ok) throw new Error(input);
  return parsed.query;
}

const server = setupServer();
registerMswTestHooks(server);

function provider(options: Partial<LokiLogProviderOptions> = {}) {
  return new LokiLogProvider({ baseUrl: BASE, ...options });
}

/** Answers `url` with `body` and keeps each request. */
function answer(url: string, body: unknown, init?: ResponseInit) {
  const requests: Request[] = [];
  server.use(
    http.get(url, ({ request }) => {
      requests.push(request);
      return HttpResponse.json(body as any, init);
    }),
  );
  return requests;
}

function params(request: Request) {
  return Object.fromEntries(new URL(request.url).searchParams);
}

const scope = (input: string, extra: object = {}) => ({
  from: new Date(T0 - 3600_000).toISOString(),
  to: new Date(T0 + 3600_000).toISOString(),
  query: q(input),
  ...extra,
});

describe('LokiLogProvider', () => {
  describe('search', () => {
    it('runs a backward query_range and maps the documented streams shape, newest first', async () => {
      const requests = answer(RANGE, streamsResponse(MAILER_STREAMS));
      const page = await provider({ orgId: 'ops', token: 's3cret' }).search(
        scope('service:mailer "connection refused"', {
          tenantIds: ['acme', 'globex'],
        }),
        { limit: 50 },
      );

      expect(requests).toHaveLength(1);
      expect(params(requests[0])).toEqual({
        query:
          '{service_name="mailer", tenant=~"acme|globex"} |= "connection refused"',
        start: NS(T0 - 3600_000),
        end: NS(T0 + 3600_000),
        // one more than the page: whether the oldest instant of the page is complete
        limit: '51',
        direction: 'backward',
      });
      expect(requests[0].headers.get('x-scope-orgid')).toBe('ops');
      expect(requests[0].headers.get('authorization')).toBe('Bearer s3cret');

      expect(page.nextCursor).toBeUndefined();
      expect(
        page.records.map(r => [r.time, r.tenantId, r.level, r.body]),
      ).toEqual([
        [
          '2025-11-26T00:00:00.300Z',
          'acme',
          'error',
          'connection refused by mx.acme.example',
        ],
        [
          '2025-11-26T00:00:00.200Z',
          'globex',
          'warn',
          'retrying delivery in 30s',
        ],
        [
          '2025-11-26T00:00:00.100Z',
          'acme',
          'error',
          'connection refused by mx.acme.example',
        ],
      ]);
      expect(page.records[0]).toEqual({
        id: expect.stringMatching(/^l1\./),
        time: '2025-11-26T00:00:00.300Z',
        level: 'error',
        service: 'mailer',
        tenantId: 'acme',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        body: 'connection refused by mx.acme.example',
        attributes: { smtp_code: '421' },
      });
      expect(decodeRecordId(page.records[0].id)).toMatchObject({
        service: 'mailer',
        tenant: 'acme',
        ns: 1764115200300000000n,
        index: 0,
      });
      expect(new Set(page.records.map(r => r.id)).size).toBe(3);
    });

    it('sends basic auth when configured', async () => {
      const requests = answer(RANGE, streamsResponse([]));
      await provider({
        basicAuth: { username: '12345', password: 'tok' },
      }).search(scope(''), { limit: 10 });
      expect(requests[0].headers.get('authorization')).toBe(
        `Basic ${Buffer.from('12345:tok').toString('base64')}`,
      );
      expect(requests[0].headers.get('x-scope-orgid')).toBeNull();
    });

    it('reads the level from level or severity_text when the level label is absent, else info', async () => {
      answer(
        RANGE,
        streamsResponse([
          {
            stream: { service_name: 'a', level: 'WARNING' },
            values: [['3', 'x']],
          },
          {
            stream: { service_name: 'a', severity_text: 'critical' },
            values: [['2', 'y']],
          },
          { stream: { service_name: 'a' }, values: [['1', 'z']] },
        ]),
      );
      const page = await provider().search(scope(''), { limit: 10 });
      expect(page.records.map(r => r.level)).toEqual(['warn', 'fatal', 'info']);
      expect(page.records[0].attributes).toEqual({ level: 'WARNING' });
    });

    it('pages through every entry exactly once, also when many share a nanosecond', async () => {
      const entries: FakeEntry[] = [];
      const base = BigInt(NS(T0));
      for (let i = 0; i < 40; i++) {
        // 10 distinct instants, the third one shared by 13 entries over 3 streams
        const ns = i >= 5 && i < 18 ? base + 3n : base + BigInt(i);
        entries.push({
          stream: { service_name: 'api', pod: `p${i % 3}` },
          ns,
          line: `line ${i}`,
        });
      }
      const requests: URL[] = [];
      server.use(fakeLokiHandler(BASE, entries, requests));
      const loki = provider();
      const got: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await loki.search(scope(''), { limit: 4, cursor });
        got.push(...page.records.map(r => r.body));
        for (let i = 1; i < page.records.length; i++) {
          expect(page.records[i - 1].time >= page.records[i].time).toBe(true);
        }
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 50);
      expect(cursor).toBeUndefined();
      expect([...got].sort()).toEqual(entries.map(e => e.line).sort());
      // the cursor moves the end to its instant (+1 ns) and asks for the seen ones again
      const second = requests[1].searchParams;
      expect(BigInt(second.get('end')!)).toBeLessThanOrEqual(base + 40n);
      expect(Number(second.get('limit'))).toBeGreaterThan(4);
    });

    /** Pages through `entries` with `next` (search or tail), checking the order of each page. */
    async function pageThrough(
      next: (
        cursor?: string,
      ) => Promise<{ records: LogRecord[]; cursor?: string }>,
    ) {
      const got: LogRecord[] = [];
      const cursors: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 200; pages++) {
        const page = await next(cursor);
        got.push(...page.records);
        if (!page.cursor) break;
        cursors.push(page.cursor);
        cursor = page.cursor;
      }
      return { got, cursors };
    }

    /** 60 entries: 30 share one nanosecond (over 3 streams), 4 another, the rest alone. */
    function crowded(base: bigint): FakeEntry[] {
      return Array.from({ length: 60 }, (_, i) => {
        let ns = base + BigInt(i) * 1000n;
        if (i >= 10 && i < 40) ns = base + 10_000n;
        if (i >= 50 && i < 54) ns = base + 50_000n;
        return {
          stream: { service_name: 'api', pod: `p${i % 3}` },
          ns,
          line: `line ${i}`,
        };
      });
    }

    const sortedLines = (entries: FakeEntry[]) =>
      entries.map(e => e.line).sort();

    it.each([1, 4, 7, 50])(
      'pages %p at a time through entries sharing a nanosecond while Loki picks freely among them, with small cursors',
      async limit => {
        const entries = crowded(BigInt(NS(T0)));
        server.use(fakeLokiHandler(BASE, entries, [], { shuffleTies: true }));
        const loki = provider();
        const { got, cursors } = await pageThrough(async cursor => {
          const page = await loki.search(scope(''), { limit, cursor });
          expect(page.records.length).toBe(
            page.nextCursor ? limit : page.records.length,
          );
          return { records: page.records, cursor: page.nextCursor };
        });
        expect(got.map(r => r.body).sort()).toEqual(sortedLines(entries));
        expect(new Set(got.map(r => r.id)).size).toBe(entries.length);
        // newest first across pages
        for (let i = 1; i < got.length; i++) {
          expect(got[i - 1].time >= got[i].time).toBe(true);
        }
        // however many share an instant, a cursor stays small
        for (const cursor of cursors) expect(cursor.length).toBeLessThan(80);
      },
    );

    it('goes on past a record given as the cursor (the LogProvider contract: a record id is a cursor)', async () => {
      const entries = crowded(BigInt(NS(T0)));
      server.use(fakeLokiHandler(BASE, entries, [], { shuffleTies: true }));
      const loki = provider();
      // as LogsService does when it used only part of a page: the last used record's id
      const { got } = await pageThrough(async cursor => {
        const page = await loki.search(scope(''), { limit: 9, cursor });
        const used = page.records.slice(0, 5);
        const more = page.nextCursor || page.records.length > used.length;
        return {
          records: used,
          cursor: more ? used[used.length - 1].id : undefined,
        };
      });
      expect(got.map(r => r.body).sort()).toEqual(sortedLines(entries));
      expect(new Set(got.map(r => r.id)).size).toBe(entries.length);
    });

    it('still reads a cursor of the earlier format (an instant and the ids given at it)', async () => {
      const entries = crowded(BigInt(NS(T0)));
      server.use(fakeLokiHandler(BASE, entries));
      const loki = provider();
      const first = await loki.search(scope(''), { limit: 25 });
      const oldest = first.records[first.records.length - 1];
      const ns = decodeRecordId(oldest.id)!.ns;
      const atOldest = first.records.filter(
        r => decodeRecordId(r.id)!.ns === ns,
      );
      const legacy = Buffer.from(
        JSON.stringify({ t: ns.toString(), s: atOldest.map(r => r.id) }),
      ).toString('base64url');
      const rest = await loki.search(scope(''), { limit: 100, cursor: legacy });
      expect(
        [...first.records, ...rest.records].map(r => r.body).sort(),
      ).toEqual(sortedLines(entries));
    });

    it('refuses to page through an instant with more entries than one query returns', async () => {
      const base = BigInt(NS(T0));
      const entries: FakeEntry[] = Array.from({ length: 12 }, (_, i) => ({
        stream: { service_name: 'api' },
        ns: base,
        line: `line ${i}`,
      }));
      server.use(fakeLokiHandler(BASE, entries));
      const loki = provider({ maxEntriesPerQuery: 10 });
      await expect(loki.search(scope(''), { limit: 5 })).rejects.toThrow(
        /10 or more entries at the instant \d+ ns.*maxEntriesPerQuery/,
      );
      // within the limit it pages exactly
      const roomy = provider({ maxEntriesPerQuery: 12 + 1 });
      const { got } = await pageThrough(async cursor => {
        const page = await roomy.search(scope(''), { limit: 5, cursor });
        return { records: page.records, cursor: page.nextCursor };
      });
      expect(got.map(r => r.body).sort()).toEqual(sortedLines(entries));
    });

    it('refuses a cursor it did not write with an InputError', async () => {
      await expect(
        provider().search(scope(''), { limit: 5, cursor: 'nope' }),
      ).rejects.toThrow(InputError);
    });

    it('asks nothing for an empty tenant list', async () => {
      const requests = answer(RANGE, streamsResponse(MAILER_STREAMS));
      const loki = provider();
      expect(
        await loki.search(scope('', { tenantIds: [] }), { limit: 5 }),
      ).toEqual({
        records: [],
      });
      expect(
        await loki.topValues(scope('', { tenantIds: [] }), {
          field: 'service',
          limit: 5,
        }),
      ).toEqual([]);
      const buckets = await loki.histogram(scope('', { tenantIds: [] }), {
        bucketSeconds: 3600,
      });
      expect(buckets.map(b => b.counts)).toEqual([{}, {}]);
      expect(requests).toHaveLength(0);
    });
  });

  describe('histogram', () => {
    it('counts levels per bucket with a count_over_time matrix query', async () => {
      const from = T0;
      const requests = answer(
        RANGE,
        matrixResponse([
          {
            metric: { detected_level: 'error' },
            values: [
              [T0 / 1000 + 60, '3'],
              [T0 / 1000 + 180, '1'],
            ],
          },
          {
            metric: { detected_level: 'warning' },
            values: [[T0 / 1000 + 60, '2']],
          },
          {
            metric: { detected_level: 'warn' },
            values: [[T0 / 1000 + 60, '5']],
          },
          { metric: {}, values: [[T0 / 1000 + 120, '7']] },
        ]),
      );
      const buckets = await provider().histogram(
        {
          from: new Date(from).toISOString(),
          to: new Date(from + 180_000).toISOString(),
          query: q('level>=warn service:mailer'),
        },
        { bucketSeconds: 60 },
      );
      expect(params(requests[0])).toEqual({
        query:
          'sum by (detected_level) (count_over_time({service_name="mailer"} | detected_level=~"warn|warning|error|err|fatal|critical" [60s]))',
        start: NS(T0 + 60_000),
        end: NS(T0 + 180_000),
        step: '60',
      });
      expect(buckets).toEqual([
        { start: '2025-11-26T00:00:00.000Z', counts: { error: 3, warn: 7 } },
        { start: '2025-11-26T00:01:00.000Z', counts: { info: 7 } },
        { start: '2025-11-26T00:02:00.000Z', counts: { error: 1 } },
      ]);
    });
  });

  describe('topValues', () => {
    it('runs an instant topk query and lists values by count', async () => {
      const requests = answer(
        INSTANT,
        vectorResponse([
          { metric: { tenant: 'acme' }, value: [T0 / 1000, '12'] },
          { metric: { tenant: 'globex' }, value: [T0 / 1000, '30'] },
          { metric: {}, value: [T0 / 1000, '99'] },
        ]),
      );
      const values = await provider().topValues(scope('level:error'), {
        field: 'tenant',
        limit: 5,
      });
      expect(params(requests[0])).toEqual({
        query:
          'topk(5, sum by (tenant) (count_over_time({service_name=~".+"} | detected_level=~"error|err" [7200s])))',
        time: NS(T0 + 3600_000),
      });
      expect(values).toEqual([
        { value: 'globex', count: 30 },
        { value: 'acme', count: 12 },
      ]);
    });

    it('merges level spellings', async () => {
      answer(
        INSTANT,
        vectorResponse([
          { metric: { detected_level: 'warn' }, value: [1, '4'] },
          { metric: { detected_level: 'warning' }, value: [1, '3'] },
          { metric: { detected_level: 'error' }, value: [1, '5'] },
          { metric: { detected_level: 'info' }, value: [1, '1'] },
        ]),
      );
      expect(
        await provider().topValues(scope(''), { field: 'level', limit: 2 }),
      ).toEqual([
        { value: 'warn', count: 7 },
        { value: 'error', count: 5 },
      ]);
    });
  });

  describe('context', () => {
    it('finds a record by its id and its neighbours in the same service', async () => {
      const base = BigInt(NS(T0));
      const entries: FakeEntry[] = Array.from({ length: 9 }, (_, i) => ({
        stream: { service_name: 'mailer', tenant: i % 2 ? 'acme' : 'globex' },
        ns: base + BigInt(i) * 1000n,
        line: `line ${i}`,
      }));
      const requests: URL[] = [];
      server.use(fakeLokiHandler(BASE, entries, requests));
      const loki = provider({ contextWindowSeconds: 60 });
      const page = await loki.search(scope(''), { limit: 9 });
      const target = page.records.find(r => r.body === 'line 4')!;

      const context = await loki.context(target.id, { before: 2, after: 3 });
      expect(context?.record).toEqual(target);
      expect(context?.before.map(r => r.body)).toEqual(['line 2', 'line 3']);
      expect(context?.after.map(r => r.body)).toEqual([
        'line 5',
        'line 6',
        'line 7',
      ]);

      const [older, newer] = requests
        .slice(1)
        .map(u => Object.fromEntries(u.searchParams));
      expect(older).toEqual({
        query: '{service_name="mailer"}',
        start: (base + 4000n - 60_000_000_000n).toString(),
        end: (base + 4001n).toString(),
        limit: '18',
        direction: 'backward',
      });
      expect(newer).toEqual({
        query: '{service_name="mailer"}',
        start: (base + 4000n).toString(),
        end: (base + 4000n + 60_000_000_000n).toString(),
        limit: '19',
        direction: 'forward',
      });
    });

    it.each([
      ['a 60-character service and tenant', 60, 60, 3],
      ['a service too long for the id', 250, 8, 4],
    ])(
      'finds the record of %s by an id the API takes (at most 200 characters)',
      async (_, serviceLength, tenantLength, queries) => {
        const service = 's'.repeat(serviceLength);
        const tenant = 't'.repeat(tenantLength);
        const base = BigInt(NS(T0));
        const entries: FakeEntry[] = Array.from({ length: 5 }, (_e, i) => ({
          stream: { service_name: service, tenant },
          ns: base + BigInt(i) * 1000n,
          line: `line ${i}`,
        }));
        const requests: URL[] = [];
        server.use(fakeLokiHandler(BASE, entries, requests));
        const loki = provider();
        const { records } = await loki.search(scope(''), { limit: 10 });
        for (const r of records) {
          expect(r.id.length).toBeLessThanOrEqual(200);
          expect(r.id).toMatch(/^[A-Za-z0-9_.-]+$/);
        }
        const target = records.find(r => r.body === 'line 2')!;
        expect(target.service).toBe(service);

        const context = await loki.context(target.id, {
          before: 1,
          after: 1,
          tenantIds: [tenant],
        });
        expect(context?.record).toEqual(target);
        expect(context?.before.map(r => r.body)).toEqual(['line 1']);
        expect(context?.after.map(r => r.body)).toEqual(['line 3']);
        // the search, (a look-up of the instant when the id leaves the service out,) two reads
        expect(requests).toHaveLength(queries);
        // a reader of another tenant: every read keeps to that tenant
        const asked = requests.length;
        await loki.context(target.id, {
          before: 1,
          after: 1,
          tenantIds: ['acme'],
        });
        expect(requests.length).toBeGreaterThan(asked);
        for (const url of requests.slice(asked)) {
          expect(url.searchParams.get('query')).toContain('tenant=~"acme"');
        }
      },
    );

    it('keeps to the tenant scope and answers undefined for unknown or foreign ids', async () => {
      const requests = answer(RANGE, streamsResponse(MAILER_STREAMS));
      const loki = provider();
      const { records } = await loki.search(scope(''), { limit: 10 });
      const acme = records.find(r => r.tenantId === 'acme')!;

      expect(
        await loki.context(acme.id, {
          before: 1,
          after: 1,
          tenantIds: ['globex'],
        }),
      ).toBeUndefined();
      expect(
        await loki.context('l1.bm9wZQ', { before: 1, after: 1 }),
      ).toBeUndefined();
      expect(await loki.context('42', { before: 1, after: 1 })).toBeUndefined();
      expect(requests).toHaveLength(1);

      const scoped = await loki.context(acme.id, {
        before: 5,
        after: 5,
        tenantIds: ['acme'],
      });
      expect(scoped?.record.id).toBe(acme.id);
      expect(params(requests[1]).query).toBe(
        '{service_name="mailer", tenant=~"acme"}',
      );
    });
  });

  describe('tail', () => {
    it('starts from now without asking, then polls forward from its cursor', async () => {
      const base = BigInt(NS(T0));
      const entries: FakeEntry[] = [];
      const requests: URL[] = [];
      server.use(fakeLokiHandler(BASE, entries, requests));
      let now = T0;
      const loki = provider({ now: () => now });

      const first = await loki.tail({ query: q('') }, { limit: 10 });
      expect(first.records).toEqual([]);
      expect(requests).toHaveLength(0);

      entries.push(
        {
          stream: { service_name: 'a' },
          ns: base - 5n,
          line: 'before the start',
        },
        { stream: { service_name: 'a' }, ns: base + 10n, line: 'one' },
        { stream: { service_name: 'b' }, ns: base + 10n, line: 'two' },
        { stream: { service_name: 'a' }, ns: base + 20n, line: 'three' },
      );
      now = T0 + 1000;
      const second = await loki.tail(
        { query: q('') },
        { after: first.cursor, limit: 2 },
      );
      expect(second.records.map(r => r.body).sort()).toEqual(['one', 'two']);
      expect(Object.fromEntries(requests[0].searchParams)).toEqual({
        query: '{service_name=~".+"}',
        start: NS(T0),
        end: (BigInt(NS(T0 + 1000)) + 1n).toString(),
        limit: '3',
        direction: 'forward',
      });

      const third = await loki.tail(
        { query: q('') },
        { after: second.cursor, limit: 2 },
      );
      expect(third.records.map(r => r.body)).toEqual(['three']);
      expect(requests[1].searchParams.get('start')).toBe(
        (base + 10n).toString(),
      );
      // one more than the page, plus the two given at that instant
      expect(requests[1].searchParams.get('limit')).toBe('5');

      const idle = await loki.tail(
        { query: q('') },
        { after: third.cursor, limit: 2 },
      );
      expect(idle).toEqual({ records: [], cursor: third.cursor });
    });

    it('follows entries sharing a nanosecond exactly, with small cursors', async () => {
      const base = BigInt(NS(T0));
      const entries: FakeEntry[] = [];
      server.use(fakeLokiHandler(BASE, entries, [], { shuffleTies: true }));
      let now = T0;
      const loki = provider({ now: () => now });
      let cursor = (await loki.tail({ query: q('') }, { limit: 4 })).cursor;
      for (let i = 0; i < 45; i++) {
        entries.push({
          stream: { service_name: 'api', pod: `p${i % 3}` },
          ns: i < 30 ? base + 5n : base + BigInt(i),
          line: `line ${i}`,
        });
      }
      now = T0 + 1;
      const got: LogRecord[] = [];
      for (let polls = 0; polls < 100; polls++) {
        const page = await loki.tail(
          { query: q('') },
          { after: cursor, limit: 4 },
        );
        expect(page.cursor.length).toBeLessThan(80);
        cursor = page.cursor;
        if (page.records.length === 0) break;
        got.push(...page.records);
      }
      expect(got.map(r => r.body).sort()).toEqual(
        entries.map(e => e.line).sort(),
      );
      expect(new Set(got.map(r => r.id)).size).toBe(entries.length);
      for (let i = 1; i < got.length; i++) {
        expect(got[i - 1].time <= got[i].time).toBe(true);
      }
    });
  });

  describe('failures', () => {
    it("throws Loki's plain-text error message with the status", async () => {
      server.use(
        http.get(
          RANGE,
          () =>
            new HttpResponse(
              'parse error at line 1, col 1: syntax error: unexpected IDENTIFIER',
              {
                status: 400,
              },
            ),
        ),
      );
      await expect(provider().search(scope(''), { limit: 5 })).rejects.toThrow(
        'Loki query_range failed: 400 parse error at line 1, col 1: syntax error: unexpected IDENTIFIER',
      );
    });

    it('throws the error of a JSON error body', async () => {
      answer(
        INSTANT,
        {
          status: 'error',
          errorType: 'bad_data',
          error: 'max series exceeded',
        },
        { status: 422 },
      );
      await expect(
        provider().topValues(scope(''), { field: 'service', limit: 5 }),
      ).rejects.toThrow('Loki query failed: 422 max series exceeded');
    });

    it('refuses answers that are not the documented shape', async () => {
      answer(RANGE, matrixResponse([]));
      await expect(provider().search(scope(''), { limit: 5 })).rejects.toThrow(
        'Loki query_range answered resultType "matrix", expected "streams"',
      );
      server.use(http.get(RANGE, () => new HttpResponse('<html>proxy</html>')));
      await expect(provider().search(scope(''), { limit: 5 })).rejects.toThrow(
        'Loki query_range answered a body that is not JSON',
      );
    });

    it('gives up after timeoutMs', async () => {
      server.use(
        http.get(RANGE, async () => {
          await delay('infinite');
          return HttpResponse.json({});
        }),
      );
      await expect(
        provider({ timeoutMs: 50 }).search(scope(''), { limit: 5 }),
      ).rejects.toThrow('Loki query_range failed: timed out after 50 ms');
    });

    it('reports a refused connection', async () => {
      server.use(http.get(RANGE, () => HttpResponse.error()));
      await expect(provider().search(scope(''), { limit: 5 })).rejects.toThrow(
        /^Loki query_range failed: /,
      );
    });
  });

  describe('fromConfig', () => {
    it('is undefined without ops.logs.loki', () => {
      expect(LokiLogProvider.fromConfig(new ConfigReader({}))).toBeUndefined();
    });

    it('reads the connection and label names', async () => {
      const loki = LokiLogProvider.fromConfig(
        new ConfigReader({
          ops: {
            logs: {
              loki: {
                id: 'loki-eu',
                baseUrl: `${BASE}/`,
                orgId: 'tenant-1',
                token: 't',
                labels: { service: 'app', level: 'level' },
                tenantInSelector: false,
              },
            },
          },
        }),
      )!;
      expect(loki.id).toBe('loki-eu');
      const requests = answer(RANGE, streamsResponse([]));
      await loki.search(
        scope('service:api level:error', { tenantIds: ['acme'] }),
        { limit: 5 },
      );
      expect(params(requests[0]).query).toBe(
        '{app="api"} | level=~"error|err" | tenant=~"acme"',
      );
      expect(requests[0].headers.get('x-scope-orgid')).toBe('tenant-1');
    });

    it('refuses bad settings with a clear message', () => {
      const make = (loki: object) => () =>
        LokiLogProvider.fromConfig(
          new ConfigReader({ ops: { logs: { loki } } }),
        );
      expect(make({ baseUrl: 'loki:3100' })).toThrow(/absolute http\(s\) URL/);
      expect(make({ baseUrl: BASE, labels: { tenant: 'org-id' } })).toThrow(
        /label name for tenant must match/,
      );
      expect(make({ baseUrl: BASE, attributeParser: 'xml' })).toThrow(
        /attributeParser must be labels, json or logfmt/,
      );
      expect(make({ baseUrl: BASE, timeout: { milliseconds: 0 } })).toThrow(
        /timeoutMs/,
      );
      expect(
        make({
          baseUrl: BASE,
          token: 'a',
          basicAuth: { username: 'u', password: 'p' },
        }),
      ).toThrow(/either a bearer token or basic auth/);
    });
  });
});
