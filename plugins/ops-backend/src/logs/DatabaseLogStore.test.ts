import {
  LogQuery,
  parseLogQuery,
} from '@opsconsole/backstage-plugin-ops-common';
import { LogScope } from '@opsconsole/backstage-plugin-ops-node';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseLogStore } from './DatabaseLogStore';
import { NewLogRecord } from './LogStore';

jest.setTimeout(60_000);

const T0 = Date.parse('2026-11-26T10:00:00.000Z');
const HOUR = 3600_000;

function q(text: string): LogQuery {
  const parsed = parseLogQuery(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
}

const scope = (text = '', extra: Partial<LogScope> = {}): LogScope => ({
  from: new Date(T0 - HOUR).toISOString(),
  to: new Date(T0 + HOUR).toISOString(),
  query: q(text),
  ...extra,
});

const rec = (
  offsetMs: number,
  body: string,
  more: Partial<NewLogRecord> = {},
): NewLogRecord => ({
  timeMs: T0 + offsetMs,
  level: 'info',
  service: 'mailer',
  body,
  attributes: {},
  ...more,
});

const FIXTURES: NewLogRecord[] = [
  rec(1000, 'Connection refused by smtp.acme.example:25', {
    level: 'error',
    tenantId: 'acme',
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    attributes: { 'http.status_code': '503', region: 'eu' },
  }),
  rec(2000, 'connection was refused twice', {
    level: 'warn',
    tenantId: 'globex',
    attributes: { 'http.status_code': '200' },
  }),
  rec(3000, 'GET /healthcheck 200', { service: 'api' }),
  rec(4000, "user typed '; drop table ops_log_records; -- 100% _done_", {
    service: 'api',
    level: 'debug',
    tenantId: 'acme',
    attributes: { note: 'say "hi"' },
  }),
  rec(5000, 'Queue stalled: connection-refused on redis', {
    service: 'worker',
    level: 'fatal',
    attributes: { region: 'us' },
  }),
  rec(6000, 'état du système: dégradé', { service: 'worker' }),
];

describe('DatabaseLogStore', () => {
  const databases = createTestDatabases();

  describe.each(databases.ids)('on %p', databaseId => {
    let store: DatabaseLogStore;

    beforeAll(async () => {
      store = DatabaseLogStore.create(await databases.init(databaseId));
      await store.insert(FIXTURES);
    });

    const bodies = async (text: string, extra: Partial<LogScope> = {}) =>
      (await store.search(scope(text, extra), { limit: 100 })).records.map(
        r => r.body,
      );

    it('searches newest first and maps every column', async () => {
      const { records, nextCursor } = await store.search(scope(), {
        limit: 100,
      });
      expect(records.map(r => r.body)).toEqual(
        [...FIXTURES].reverse().map(r => r.body),
      );
      expect(nextCursor).toBeUndefined();
      expect(records[records.length - 1]).toEqual({
        id: expect.stringMatching(/^\d+-\d+$/),
        time: '2026-11-26T10:00:01.000Z',
        level: 'error',
        service: 'mailer',
        tenantId: 'acme',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        body: 'Connection refused by smtp.acme.example:25',
        attributes: { 'http.status_code': '503', region: 'eu' },
      });
    });

    it('matches words and phrases case-insensitively, and negations', async () => {
      expect(await bodies('CONNECTION')).toEqual([
        'Queue stalled: connection-refused on redis',
        'connection was refused twice',
        'Connection refused by smtp.acme.example:25',
      ]);
      expect(await bodies('"connection refused"')).toEqual([
        'Queue stalled: connection-refused on redis',
        'Connection refused by smtp.acme.example:25',
      ]);
      // a hyphenated word is the phrase of its parts
      expect(await bodies('connection-refused')).toEqual(
        await bodies('"connection refused"'),
      );
      expect(await bodies('connection -"connection refused"')).toEqual([
        'connection was refused twice',
      ]);
      expect(await bodies('-healthcheck service:api')).toEqual([
        "user typed '; drop table ops_log_records; -- 100% _done_",
      ]);
      expect(await bodies('smtp.acme.example')).toHaveLength(1);
      expect(await bodies('refuse')).toEqual([]); // words, not prefixes
      expect(await bodies('état')).toEqual(['état du système: dégradé']);
      expect(await bodies('etat')).toEqual([]);
    });

    it('stores bodies with huge words and many repeats, and still finds their other words', async () => {
      const own = DatabaseLogStore.create(await databases.init(databaseId));
      const huge = 'x'.repeat(3000); // over Postgres' 2047-byte word limit
      await own.insert([
        rec(100, `before ${huge} after`),
        rec(200, `${'spam '.repeat(20_000)}tail-word`),
        rec(300, 'ÉCOLE Ünïcode'),
      ]);
      const found = async (text: string) =>
        (await own.search(scope(text), { limit: 10 })).records.map(r =>
          r.body.slice(0, 12),
        );
      expect(await found('before after')).toEqual([`before ${'x'.repeat(5)}`]);
      // past Postgres' last word position (16383) words are found, phrases no longer
      expect(await found('tail')).toEqual(['spam spam sp']);
      expect(await found('"école ünïcode"')).toEqual(['ÉCOLE Ünïcod']);
    });

    it('keeps tabs, newlines, backslashes and NUL characters of bodies and attributes', async () => {
      const own = DatabaseLogStore.create(await databases.init(databaseId));
      await own.insert([
        rec(100, 'line one\n\tline two \\N back\\slash\r\nend', {
          service: 'svc\ttab',
          attributes: { 'k\u0000ey': 'v\u0000al', path: 'C:\\temp\\n' },
        }),
        rec(200, 'nul\u0000inside'),
        rec(300, 'lone surrogate', { attributes: { bad: 'x\ud800y' } }),
        // more distinct words than a Postgres tsvector can hold (1 MB)
        rec(
          400,
          `huge ${Array.from({ length: 150_000 }, (_, i) => `w${i}`).join(
            ' ',
          )}`,
        ),
      ]);
      expect(
        (await own.search(scope('huge'), { limit: 10 })).records,
      ).toHaveLength(1);
      const [lone] = (await own.search(scope('"lone surrogate"'), { limit: 1 }))
        .records;
      expect(lone.attributes.bad).toMatch(/^x(\ufffd|\ud800)y$/);
      const records = (await own.search(scope('-huge -lone'), { limit: 10 }))
        .records;
      expect(records.map(r => r.body)).toEqual([
        // Postgres text cannot hold NUL: it becomes U+FFFD there
        databaseId.startsWith('POSTGRES')
          ? 'nul\uFFFDinside'
          : 'nul\u0000inside',
        'line one\n\tline two \\N back\\slash\r\nend',
      ]);
      expect(records[1].service).toBe('svc\ttab');
      expect(records[1].attributes.path).toBe('C:\\temp\\n');
      expect(Object.values(records[1].attributes)).toContain(
        databaseId.startsWith('POSTGRES') ? 'v\uFFFDal' : 'v\u0000al',
      );
      expect(
        (await own.search(scope('"line two"'), { limit: 10 })).records,
      ).toHaveLength(1);
    });

    it('treats hostile values as data', async () => {
      expect(await bodies(`"'; drop table ops_log_records; --"`)).toEqual([
        "user typed '; drop table ops_log_records; -- 100% _done_",
      ]);
      expect(await bodies('%')).toEqual([
        "user typed '; drop table ops_log_records; -- 100% _done_",
      ]);
      expect(await bodies('"_"')).toEqual([
        "user typed '; drop table ops_log_records; -- 100% _done_",
      ]);
      expect(await bodies('"\\""')).toEqual([]);
      expect(await bodies(`service:"'; drop table x; --"`)).toEqual([]);
      expect(await bodies('attr.note:"say \\"hi\\""')).toHaveLength(1);
      expect(await bodies('attr.note:%')).toEqual([]);
      expect(await bodies('-%')).toHaveLength(5);
      expect(await bodies('')).toHaveLength(6); // the table is still there
    });

    it('filters by level, service, tenant, trace and attributes', async () => {
      expect(await bodies('level>=warn')).toHaveLength(3);
      expect(await bodies('level:error')).toHaveLength(1);
      expect(await bodies('level<info')).toHaveLength(1);
      expect(await bodies('-level<=info')).toHaveLength(3);
      expect(await bodies('level<trace')).toEqual([]);
      expect(await bodies('service:worker')).toHaveLength(2);
      expect(await bodies('-service:worker')).toHaveLength(4);
      expect(await bodies('tenant:acme')).toHaveLength(2);
      // records without a tenant are "not acme"
      expect(await bodies('-tenant:acme')).toHaveLength(4);
      expect(
        await bodies('trace:4BF92F3577B34DA6A3CE929D0E0E4736'),
      ).toHaveLength(1);
      expect(await bodies('attr.http.status_code:503')).toEqual([
        'Connection refused by smtp.acme.example:25',
      ]);
      expect(await bodies('-attr.region:eu')).toHaveLength(5);
      expect(await bodies('attr.missing:x')).toEqual([]);
      expect(
        await bodies(
          'level>=warn service:mailer tenant:acme "connection refused"',
        ),
      ).toHaveLength(1);
    });

    it('limits to the time range and the caller tenants', async () => {
      expect(
        await bodies('', {
          from: new Date(T0 + 2000).toISOString(),
          to: new Date(T0 + 4000).toISOString(),
        }),
      ).toEqual(['GET /healthcheck 200', 'connection was refused twice']);
      expect(await bodies('', { tenantIds: ['acme'] })).toHaveLength(2);
      expect(await bodies('tenant:globex', { tenantIds: ['acme'] })).toEqual(
        [],
      );
      expect(await bodies('', { tenantIds: [] })).toEqual([]);
    });

    it('counts levels per bucket', async () => {
      const buckets = await store.histogram(
        scope('', {
          from: new Date(T0).toISOString(),
          to: new Date(T0 + 10_000).toISOString(),
        }),
        { bucketSeconds: 3 },
      );
      expect(buckets).toEqual([
        { start: '2026-11-26T10:00:00.000Z', counts: { error: 1, warn: 1 } },
        {
          start: '2026-11-26T10:00:03.000Z',
          counts: { info: 1, debug: 1, fatal: 1 },
        },
        { start: '2026-11-26T10:00:06.000Z', counts: { info: 1 } },
      ]);
    });

    it('pages with a cursor, stable while records keep arriving', async () => {
      const paged = DatabaseLogStore.create(await databases.init(databaseId));
      // 30 records, several in the same millisecond
      await paged.insert(
        Array.from({ length: 30 }, (_, i) =>
          rec(Math.floor(i / 3) * 1000, `line ${i}`),
        ),
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      let round = 0;
      do {
        const page = await paged.search(scope(), { limit: 7, cursor });
        seen.push(...page.records.map(r => r.body));
        cursor = page.nextCursor;
        // newer records and same-time records arrive between pages
        await paged.insert([
          rec(60_000 + round, `newer ${round}`),
          rec(15_000, `same time as page ${round}`),
        ]);
        round += 1;
      } while (cursor);
      const expected = Array.from({ length: 30 }, (_, i) => `line ${i}`);
      expect(seen.filter(b => b.startsWith('line '))).toEqual(
        [...expected].sort(
          (a, b) =>
            Math.floor(Number(b.slice(5)) / 3) -
              Math.floor(Number(a.slice(5)) / 3) ||
            Number(b.slice(5)) - Number(a.slice(5)),
        ),
      );
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.some(b => b.startsWith('newer'))).toBe(false);
      await expect(
        paged.search(scope(), { limit: 5, cursor: 'nope' }),
      ).rejects.toThrow('Invalid log cursor');
    });

    it('stores several thousand records in one call', async () => {
      const bulk = DatabaseLogStore.create(await databases.init(databaseId));
      const records = Array.from({ length: 4321 }, (_, i) =>
        rec(i, `bulk ${i} it's "quoted" \\ {braces}, null`, {
          level: i % 7 === 0 ? 'error' : 'info',
          service: i % 2 ? 'api' : 'mailer',
          ...(i % 3 === 0 && { tenantId: `t${i % 5}` }),
          ...(i % 4 === 0 && {
            traceId: i.toString(16).padStart(32, '0'),
            spanId: i.toString(16).padStart(16, '0'),
          }),
          attributes: { n: String(i), 'a.b': 'x,"y"' },
        }),
      );
      await bulk.insert(records);
      const all = [];
      let cursor: string | undefined;
      do {
        const page = await bulk.search(scope(), { limit: 1000, cursor });
        all.push(...page.records);
        cursor = page.nextCursor;
      } while (cursor);
      expect(all).toHaveLength(4321);
      expect(all.map(({ id, ...r }) => r).reverse()).toEqual(
        records.map(r => ({
          time: new Date(r.timeMs).toISOString(),
          level: r.level,
          service: r.service,
          ...(r.tenantId && { tenantId: r.tenantId }),
          ...(r.traceId && { traceId: r.traceId, spanId: r.spanId }),
          body: r.body,
          attributes: r.attributes,
        })),
      );
      expect(
        (await bulk.search(scope('bulk 4320'), { limit: 5 })).records,
      ).toHaveLength(1);
    });

    it('finds the same pages when the newest records hold too few matches', async () => {
      const db = await databases.init(databaseId);
      // 60 records per service, the matches of the query spread thinly among them
      await DatabaseLogStore.create(db).insert(
        Array.from({ length: 120 }, (_, i) =>
          rec(i * 10, i % 9 === 0 ? `refused ${i}` : `accepted ${i}`, {
            service: i % 2 ? 'api' : 'mailer',
            level: i % 4 === 0 ? 'warn' : 'info',
          }),
        ),
      );
      const pages = async (searcher: DatabaseLogStore, text: string) => {
        const seen: string[][] = [];
        let cursor: string | undefined;
        do {
          const page = await searcher.search(scope(text), {
            limit: 3,
            cursor,
          });
          seen.push(page.records.map(r => r.body));
          cursor = page.nextCursor;
        } while (cursor);
        return seen;
      };
      const expected = (predicate: (i: number) => boolean): string[] =>
        Array.from({ length: 120 }, (_, i) => 119 - i)
          .filter(predicate)
          .map(i => `refused ${i}`);
      for (const scanRows of [1, 2, 7, 20_000]) {
        const scanning = DatabaseLogStore.create(db, {
          searchScanRows: scanRows,
        });
        expect(
          (await pages(scanning, 'refused service:mailer')).flat(),
        ).toEqual(expected(i => i % 9 === 0 && i % 2 === 0));
        expect((await pages(scanning, 'refused level:warn')).flat()).toEqual(
          expected(i => i % 9 === 0 && i % 4 === 0),
        );
        expect(await pages(scanning, 'refused -service:api')).toEqual(
          await pages(DatabaseLogStore.create(db), 'refused service:mailer'),
        );
      }
    });

    it('answers the context of a record in its service', async () => {
      const { records } = await store.search(scope('service:worker'), {
        limit: 10,
      });
      const fatal = records.find(r => r.level === 'fatal')!;
      const context = await store.context(fatal.id, { before: 5, after: 5 });
      expect(context?.record.body).toBe(fatal.body);
      expect(context?.before).toEqual([]);
      expect(context?.after.map(r => r.body)).toEqual([
        'état du système: dégradé',
      ]);
      const mailer = (await store.search(scope('level:warn'), { limit: 1 }))
        .records[0];
      const around = await store.context(mailer.id, { before: 1, after: 1 });
      expect(around?.before.map(r => r.level)).toEqual(['error']);
      expect(around?.after).toEqual([]);
      // another tenant's record is unknown to a tenant-scoped caller
      expect(
        await store.context(mailer.id, {
          before: 1,
          after: 1,
          tenantIds: ['acme'],
        }),
      ).toBeUndefined();
      expect(await store.context('loki:xyz', { before: 1, after: 1 })).toBe(
        undefined,
      );
      expect(
        await store.context('1-999999', { before: 1, after: 1 }),
      ).toBeUndefined();
    });

    it('tails records committed after a cursor, filtered', async () => {
      const tailing = DatabaseLogStore.create(await databases.init(databaseId));
      await tailing.insert([rec(0, 'before the tail')]);
      const start = await tailing.tail({ query: q('') }, { limit: 10 });
      expect(start.records).toEqual([]);
      await tailing.insert([
        rec(1, 'first', { level: 'error' }),
        rec(2, 'second'),
        rec(-5000, 'late but new', { level: 'error' }),
      ]);
      const next = await tailing.tail(
        { query: q('level:error') },
        { after: start.cursor, limit: 10 },
      );
      expect(next.records.map(r => r.body)).toEqual(['first', 'late but new']);
      const none = await tailing.tail(
        { query: q('') },
        { after: next.cursor, limit: 10 },
      );
      expect(none).toEqual({ records: [], cursor: next.cursor });
    });

    it('lets a tail miss nothing when another replica commits an earlier batch later', async () => {
      // two replicas on one database: A's big batch draws ids first and commits last
      const db = await databases.init(databaseId);
      const replicaA = DatabaseLogStore.create(db);
      const replicaB = DatabaseLogStore.create(db);
      const start = await replicaB.tail({ query: q('') }, { limit: 1 });
      const bulk = replicaA.insert(
        Array.from({ length: 30_000 }, (_, i) => rec(i % 1000, `bulk ${i}`)),
      );
      if (databaseId === 'POSTGRES_15') {
        // ids are drawn as COPY reads the rows; the sequence shows it outside A's transaction
        for (let drawn = 0; drawn < 1000; ) {
          const { rows } = await db.raw(
            'SELECT last_value, is_called FROM ops_log_records_id_seq',
          );
          drawn = rows[0].is_called ? Number(rows[0].last_value) : 0;
        }
      }
      await replicaB.insert([rec(1, 'small 1'), rec(2, 'small 2')]);

      const seen = new Set<string>();
      let cursor = start.cursor;
      const tailAll = async () => {
        for (;;) {
          const page = await replicaB.tail(
            { query: q('') },
            { after: cursor, limit: 10_000 },
          );
          for (const r of page.records) seen.add(r.body);
          cursor = page.cursor;
          if (page.records.length < 10_000) return;
        }
      };
      await tailAll(); // right after B's batch is committed
      await bulk;
      await tailAll();
      expect(seen.size).toBe(30_002);
    });

    it('deletes records older than the cutoff in batches', async () => {
      const retained = DatabaseLogStore.create(
        await databases.init(databaseId),
      );
      await retained.insert(
        Array.from({ length: 25 }, (_, i) => rec(i * 1000, `r${i}`)),
      );
      expect(await retained.deleteOlderThan(T0 + 12_000, 5)).toBe(12);
      const left = await retained.search(scope('r1'), {
        limit: 100,
      });
      expect(left.records).toEqual([]);
      expect(
        (await retained.search(scope(), { limit: 100 })).records,
      ).toHaveLength(13);
      // the full-text index followed the deletes
      expect(
        (await retained.search(scope('r12'), { limit: 100 })).records,
      ).toHaveLength(1);
      expect(
        (await retained.search(scope('r11'), { limit: 100 })).records,
      ).toHaveLength(0);
    });

    it('lists the top values of a field', async () => {
      const top = (field: 'service' | 'tenant' | 'level' | 'trace') =>
        store.topValues(scope(), { field, limit: 2 });
      expect(await top('service')).toEqual([
        { value: 'api', count: 2 },
        { value: 'mailer', count: 2 },
      ]);
      expect(await top('tenant')).toEqual([
        { value: 'acme', count: 2 },
        { value: 'globex', count: 1 },
      ]);
      expect((await top('level'))[0]).toEqual({ value: 'info', count: 2 });
    });
  });
});
