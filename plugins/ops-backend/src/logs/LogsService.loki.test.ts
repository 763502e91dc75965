// The built-in store and the real Loki provider (behind msw, answering in Loki's
// documented shapes) merged by LogsService: paging and export give every record once.

import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import { LokiLogProvider } from '@opsconsole/backstage-plugin-ops-backend-module-loki';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseLogStore } from './DatabaseLogStore';
import { LogsService } from './LogsService';

jest.setTimeout(120_000);

const LOKI = 'http://loki.test:3100';
const everyone = { sources: [] };

interface LokiEntry {
  stream: Record<string, string>;
  ns: bigint;
  line: string;
}

/**
 * Loki's `query_range` for log queries as documented: start inclusive, end
 * exclusive, the `limit` entries nearest the start of the direction, streams
 * shape. Among entries of one instant it picks freely (a new order on every
 * request). It ignores the LogQL: every entry matches.
 */
function fakeLoki(entries: LokiEntry[]) {
  let requests = 0;
  return http.get(`${LOKI}/loki/api/v1/query_range`, ({ request }) => {
    const url = new URL(request.url);
    const start = BigInt(url.searchParams.get('start')!);
    const end = BigInt(url.searchParams.get('end')!);
    const limit = Number(url.searchParams.get('limit'));
    const sign = url.searchParams.get('direction') === 'forward' ? 1 : -1;
    requests += 1;
    const tie = new Map(
      entries.map((e, i) => [e, (i * 7919 * requests) % 101]),
    );
    const picked = entries
      .filter(e => e.ns >= start && e.ns < end)
      .sort((a, b) =>
        a.ns === b.ns
          ? tie.get(a)! - tie.get(b)!
          : (a.ns < b.ns ? -1 : 1) * sign,
      )
      .slice(0, limit);
    const streams = new Map<string, [string, string][]>();
    for (const e of picked) {
      const key = JSON.stringify(e.stream);
      streams.set(key, [
        ...(streams.get(key) ?? []),
        [e.ns.toString(), e.line],
      ]);
    }
    return HttpResponse.json({
      status: 'success',
      data: {
        resultType: 'streams',
        result: [...streams].map(([key, values]) => ({
          stream: JSON.parse(key),
          values,
        })),
        stats: {},
      },
    });
  });
}

describe('LogsService over the built-in store and Loki', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const databases = createTestDatabases();

  const to = Date.parse('2025-11-26T01:00:00Z');
  const from = to - 3600_000;
  const window = {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };

  /**
   * 700 records in each source, interleaved in time: store records 4 ms apart,
   * Loki entries in groups of 5 sharing one nanosecond, some in the same
   * millisecond as a store record.
   */
  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const store = DatabaseLogStore.create(await databases.init(databaseId));
    await store.insert(
      Array.from({ length: 700 }, (_, i) => ({
        timeMs: from + 1000 + i * 4,
        level: 'info' as const,
        service: 'mailer',
        body: `store ${i}`,
        attributes: {},
      })),
    );
    const loki: LokiEntry[] = Array.from({ length: 700 }, (_, i) => ({
      stream: { service_name: 'api', pod: `p${i % 3}` },
      ns:
        BigInt(from + 1000 + Math.floor(i / 5) * 20) * 1_000_000n +
        BigInt(Math.floor(i / 5) % 2) * 500_000n,
      line: `loki ${i}`,
    }));
    server.use(fakeLoki(loki));
    const service = new LogsService({
      providers: [store, new LokiLogProvider({ baseUrl: LOKI })],
    });
    const expected = [
      ...Array.from({ length: 700 }, (_, i) => `store ${i}`),
      ...loki.map(e => e.line),
    ].sort();
    return { service, expected };
  }

  function expectNewestFirst(records: LogRecord[]) {
    for (let i = 1; i < records.length; i++) {
      expect(Date.parse(records[i - 1].time)).toBeGreaterThanOrEqual(
        Date.parse(records[i].time),
      );
    }
  }

  it.each(databases.ids)(
    'on %p, search pages give every record of both sources once, in order',
    async databaseId => {
      const { service, expected } = await setUp(databaseId);
      const got: LogRecord[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await service.search(everyone, {
          ...window,
          limit: 37,
          cursor,
        });
        expect(page.sources.every(s => s.status === 'ok')).toBe(true);
        // the first page says where a live tail would start, the others not
        expect(typeof page.tailCursor).toBe(cursor ? 'undefined' : 'string');
        got.push(...page.records);
        cursor = page.nextCursor;
        // well within the API's 4000 characters
        expect(cursor?.length ?? 0).toBeLessThan(500);
        pages += 1;
      } while (cursor && pages < 100);
      expect(cursor).toBeUndefined();
      expect(got.map(r => r.body).sort()).toEqual(expected);
      expect(new Set(got.map(r => r.id)).size).toBe(expected.length);
      expectNewestFirst(got);
    },
  );

  it.each(databases.ids)(
    'on %p, an export over several pages gives every record once, in order',
    async databaseId => {
      const { service, expected } = await setUp(databaseId);
      const pages = await service.exportPages(everyone, window, 10_000);
      const got: LogRecord[] = [];
      let count = 0;
      for await (const page of pages) {
        got.push(...page);
        count += 1;
      }
      // 1,400 records: a page of 1,000 that uses part of each source, then the rest
      expect(count).toBe(2);
      expect(got.map(r => r.body).sort()).toEqual(expected);
      expect(new Set(got.map(r => r.id)).size).toBe(expected.length);
      expectNewestFirst(got);
    },
  );
});
