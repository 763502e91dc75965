import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import { LogProvider } from '@opsconsole/backstage-plugin-ops-node';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseLogStore } from './DatabaseLogStore';
import { LogsService } from './LogsService';

jest.setTimeout(60_000);

const record = (id: string, body: string, ms: number): LogRecord => ({
  id,
  time: new Date(ms).toISOString(),
  level: 'info',
  service: 'mailer',
  body,
  attributes: {},
});

/** A provider that answers nothing until told otherwise. */
function provider(
  id: string,
  overrides: Partial<LogProvider> = {},
): jest.Mocked<LogProvider> {
  return {
    id,
    search: jest.fn(async () => ({ records: [] })),
    histogram: jest.fn(async () => []),
    context: jest.fn(async () => undefined),
    tail: jest.fn(async () => ({ records: [], cursor: `${id}-c0` })),
    topValues: jest.fn(async () => []),
    ...overrides,
  } as jest.Mocked<LogProvider>;
}

/** Never settles: a source that hangs. */
const never = () => new Promise<never>(() => {});

const everyone = { sources: [] };

/** The writer's commit signal for a long poll: resolves `subscribed` once it listens. */
function commitSignal() {
  let listener: (() => void) | undefined;
  let onSubscribe: () => void = () => {};
  const subscribed = new Promise<void>(resolve => {
    onSubscribe = resolve;
  });
  return {
    subscribed,
    onCommit(l: () => void) {
      listener = l;
      onSubscribe();
      return () => {
        listener = undefined;
      };
    },
    fire: () => listener!(),
  };
}

describe('LogsService', () => {
  const now = Date.now();

  describe('tail', () => {
    it("names a failing source and still brings the others' records", async () => {
      const store = provider('store', {
        tail: jest.fn(async () => ({
          records: [record('s1', 'stored', now)],
          cursor: 'store-c1',
        })),
      });
      const loki = provider('loki', {
        tail: jest.fn(async () => {
          throw new Error('loki: 502 Bad Gateway');
        }),
      });
      const service = new LogsService({ providers: [store, loki] });

      const page = await service.tail(everyone, {
        q: 'stored',
        after: 'e30',
        limit: 10,
        waitSeconds: 0,
      });
      expect(page.records.map(r => r.body)).toEqual(['stored']);
      expect(page.sources).toEqual([
        { id: 'loki', status: 'degraded', error: 'loki: 502 Bad Gateway' },
        { id: 'store', status: 'ok' },
      ]);
    });

    it('degrades a source that never answers instead of hanging', async () => {
      const store = provider('store', {
        tail: jest.fn(async () => ({
          records: [record('s1', 'stored', now)],
          cursor: 'store-c1',
        })),
      });
      const stuck = provider('stuck', { tail: jest.fn(never) });
      const service = new LogsService({
        providers: [store, stuck],
        timeoutMs: 5,
      });
      const page = await service.tail(everyone, {
        after: 'e30',
        limit: 10,
        waitSeconds: 0,
      });
      expect(page.records.map(r => r.id)).toEqual(['s1']);
      expect(page.sources).toEqual([
        { id: 'store', status: 'ok' },
        {
          id: 'stuck',
          status: 'degraded',
          error: 'Log source stuck did not answer within 5 ms',
        },
      ]);
    });

    it('ends a long poll when a source starts failing, so the outage shows at once', async () => {
      const commits = commitSignal();
      let calls = 0;
      const flaky = provider('flaky', {
        tail: jest.fn(async () => {
          calls += 1;
          if (calls > 1) throw new Error('connection reset');
          return { records: [], cursor: 'flaky-c1' };
        }),
      });
      const service = new LogsService({
        providers: [provider('store'), flaky],
        onCommit: commits.onCommit,
      });
      const answer = service.tail(everyone, {
        after: 'e30',
        limit: 10,
        waitSeconds: 20,
      });
      await commits.subscribed;
      commits.fire();
      const page = await answer;
      expect(page.records).toEqual([]);
      expect(page.sources).toEqual([
        { id: 'flaky', status: 'degraded', error: 'connection reset' },
        { id: 'store', status: 'ok' },
      ]);
    });

    it('brings records a source without a cursor commits while the long poll waits', async () => {
      const commits = commitSignal();
      // a source missing from the cursor (its tail position could not be read at search
      // time): "from now" is b-c0, and b1 is committed after that, during the wait
      let committed = false;
      const late = provider('late', {
        tail: jest.fn(async (_scope, { after }) => {
          if (after === undefined) {
            return { records: [], cursor: committed ? 'late-c1' : 'late-c0' };
          }
          return after === 'late-c0' && committed
            ? { records: [record('b1', 'late record', now)], cursor: 'late-c1' }
            : { records: [], cursor: after };
        }),
      });
      const service = new LogsService({
        providers: [provider('store'), late],
        onCommit: commits.onCommit,
      });
      const answer = service.tail(everyone, {
        after: Buffer.from(JSON.stringify({ store: 'store-c0' })).toString(
          'base64url',
        ),
        limit: 10,
        waitSeconds: 20,
      });
      await commits.subscribed;
      committed = true;
      commits.fire();
      const page = await answer;
      expect(page.records.map(r => r.body)).toEqual(['late record']);
    });

    it("limits the tail to the caller's tenants and reports the tenant directory", async () => {
      const store = provider('store');
      const service = new LogsService({ providers: [store] });
      const directory = {
        id: 'tenants:catalog',
        status: 'degraded' as const,
        error: 'Your tenants could not be listed',
      };
      const page = await service.tail(
        { tenantIds: ['acme'], sources: [directory] },
        { q: 'level>=warn', limit: 10, waitSeconds: 0 },
      );
      expect(store.tail).toHaveBeenCalledWith(
        expect.objectContaining({ tenantIds: ['acme'] }),
        { after: undefined, limit: 10 },
      );
      expect(page.sources).toEqual([{ id: 'store', status: 'ok' }, directory]);
    });
  });

  describe('search', () => {
    it("starts the tail of the first page at each source's cursor taken before it is searched", async () => {
      const calls: string[] = [];
      const store = provider('store', {
        tail: jest.fn(async () => {
          calls.push('store.tail');
          return { records: [], cursor: 'store-now' };
        }),
        search: jest.fn(async (_scope, options) => {
          calls.push('store.search');
          return options.cursor
            ? { records: [record('s1', 'older', now - 2000)] }
            : {
                records: [record('s2', 'newer', now - 1000)],
                nextCursor: 's2',
              };
        }),
      });
      const loki = provider('loki', {
        tail: jest.fn(async () => ({ records: [], cursor: 'loki-now' })),
      });
      const service = new LogsService({ providers: [store, loki] });

      const first = await service.search(
        { tenantIds: ['acme'], sources: [] },
        { q: 'level>=warn', limit: 1 },
      );
      expect(calls).toEqual(['store.tail', 'store.search']);
      // the tail's own scope: the query and the caller's tenants, no time range
      const [tailScope, tailOptions] = store.tail.mock.calls[0];
      expect(tailScope).toEqual({
        query: expect.objectContaining({ terms: expect.any(Array) }),
        tenantIds: ['acme'],
      });
      expect(tailOptions.after).toBeUndefined();
      expect(first.sources).toEqual([
        { id: 'loki', status: 'ok' },
        { id: 'store', status: 'ok' },
      ]);

      // it is what the tail takes as `after`: each source continues from its own cursor
      await service.tail(everyone, {
        after: first.tailCursor,
        limit: 10,
        waitSeconds: 0,
      });
      expect(store.tail).toHaveBeenLastCalledWith(expect.anything(), {
        after: 'store-now',
        limit: 10,
      });
      expect(loki.tail).toHaveBeenLastCalledWith(expect.anything(), {
        after: 'loki-now',
        limit: 10,
      });

      // later pages have none
      const second = await service.search(everyone, {
        limit: 1,
        cursor: first.nextCursor,
      });
      expect(second.records.map(r => r.body)).toEqual(['older']);
      expect(second).not.toHaveProperty('tailCursor');
      expect(store.tail).toHaveBeenCalledTimes(2);
    });

    it('leaves a source that cannot say where its tail starts out of the cursor and names it', async () => {
      const store = provider('store', {
        tail: jest.fn(async () => ({ records: [], cursor: 'store-now' })),
        search: jest.fn(async () => ({
          records: [record('s1', 'stored', now)],
        })),
      });
      const loki = provider('loki', {
        tail: jest.fn(async () => {
          throw new Error('loki: 502 Bad Gateway');
        }),
        search: jest.fn(async () => ({
          records: [record('l1', 'from loki', now - 1)],
        })),
      });
      const service = new LogsService({ providers: [store, loki] });
      const page = await service.search(everyone, { limit: 10 });
      // its search still counts
      expect(page.records.map(r => r.id)).toEqual(['s1', 'l1']);
      expect(page.sources).toEqual([
        { id: 'loki', status: 'degraded', error: 'loki: 502 Bad Gateway' },
        { id: 'store', status: 'ok' },
      ]);

      // its tail starts from now, the store's from its cursor
      await service.tail(everyone, {
        after: page.tailCursor,
        limit: 10,
        waitSeconds: 0,
      });
      expect(loki.tail).toHaveBeenLastCalledWith(expect.anything(), {
        after: undefined,
        limit: 10,
      });
      expect(store.tail).toHaveBeenLastCalledWith(expect.anything(), {
        after: 'store-now',
        limit: 10,
      });
    });

    it('does not wait twice for a source that never answers', async () => {
      const stuck = provider('stuck', { tail: jest.fn(never) });
      const service = new LogsService({
        providers: [provider('store'), stuck],
        timeoutMs: 5,
      });
      const page = await service.search(everyone, { limit: 10 });
      expect(stuck.search).not.toHaveBeenCalled();
      expect(page.sources).toEqual([
        { id: 'store', status: 'ok' },
        {
          id: 'stuck',
          status: 'degraded',
          error: 'Log source stuck did not answer within 5 ms',
        },
      ]);
    });
  });

  describe('search then tail, on the store', () => {
    const databases = createTestDatabases();

    it.each(databases.ids)(
      'on %p, misses nothing between them and repeats only what came in meanwhile',
      async databaseId => {
        const store = DatabaseLogStore.create(await databases.init(databaseId));
        const line = (body: string, ms: number) => ({
          timeMs: ms,
          level: 'info' as const,
          service: 'mailer',
          body,
          attributes: {},
        });
        await store.insert([line('handover before', now - 3000)]);
        // a record committed after the tail cursor was taken, before the search ran
        let searched = false;
        const racing: LogProvider = {
          id: store.id,
          search: async (scope, options) => {
            if (!searched) {
              searched = true;
              await store.insert([line('handover meanwhile', now - 2000)]);
            }
            return store.search(scope, options);
          },
          histogram: (scope, options) => store.histogram(scope, options),
          context: (id, options) => store.context(id, options),
          tail: (scope, options) => store.tail(scope, options),
          topValues: (scope, options) => store.topValues(scope, options),
        };
        const service = new LogsService({ providers: [racing] });

        const page = await service.search(everyone, {
          q: 'handover',
          limit: 100,
        });
        expect(page.records.map(r => r.body)).toEqual([
          'handover meanwhile',
          'handover before',
        ]);
        expect(page.tailCursor).toEqual(expect.any(String));

        await store.insert([
          line('handover after', now - 1000),
          line('unrelated after', now),
        ]);
        const tail = await service.tail(everyone, {
          q: 'handover',
          after: page.tailCursor,
          limit: 100,
          waitSeconds: 0,
        });
        expect(tail.records.map(r => r.body)).toEqual([
          'handover meanwhile',
          'handover after',
        ]);
        // the repeated record has the same id in both answers, so clients can drop it
        expect(tail.records[0].id).toBe(page.records[0].id);
      },
    );
  });

  describe('context', () => {
    it('asks the next source when one never answers', async () => {
      const found = {
        before: [],
        record: record('l1', 'from loki', now),
        after: [],
      };
      const stuck = provider('stuck', { context: jest.fn(never) });
      const loki = provider('loki', { context: jest.fn(async () => found) });
      const service = new LogsService({
        providers: [stuck, loki],
        timeoutMs: 5,
      });
      await expect(
        service.context({ tenantIds: ['acme'], sources: [] }, 'l1', {
          before: 1,
          after: 1,
        }),
      ).resolves.toEqual(found);
      expect(loki.context).toHaveBeenCalledWith('l1', {
        before: 1,
        after: 1,
        tenantIds: ['acme'],
      });
    });

    it('is a 503 naming the source that timed out when no source has the record', async () => {
      const service = new LogsService({
        providers: [provider('store'), provider('stuck', { context: never })],
        timeoutMs: 5,
      });
      await expect(
        service.context(everyone, 'x1', { before: 1, after: 1 }),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining(
          'stuck: Log source stuck did not answer within 5 ms',
        ),
      });
    });

    it("is a 404 when every source answered without it, and a provider's InputError a 400", async () => {
      const service = new LogsService({ providers: [provider('store')] });
      await expect(
        service.context(everyone, 'x1', { before: 1, after: 1 }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      const picky = provider('picky', {
        context: jest.fn(async () => {
          throw new InputError('bad id');
        }),
      });
      await expect(
        new LogsService({ providers: [picky] }).context(everyone, 'x1', {
          before: 1,
          after: 1,
        }),
      ).rejects.toBeInstanceOf(InputError);
    });
  });

  describe('scopes and export', () => {
    it("searches the caller's tenants over the last hour by default", async () => {
      const store = provider('store');
      const service = new LogsService({ providers: [store] });
      const page = await service.search(
        { tenantIds: ['acme'], sources: [] },
        { q: 'tenant:acme', limit: 5 },
      );
      expect(page).toEqual({
        records: [],
        tailCursor: expect.any(String),
        sources: [{ id: 'store', status: 'ok' }],
      });
      const [scope] = store.search.mock.calls[0];
      expect(scope.tenantIds).toEqual(['acme']);
      expect(Date.parse(scope.to) - Date.parse(scope.from)).toBe(3600_000);
      await expect(
        service.search(everyone, { from: 'yesterday', limit: 5 }),
      ).rejects.toBeInstanceOf(InputError);
    });

    it('exports page by page across sources, failing before the first page is handed out', async () => {
      const store = provider('store', {
        search: jest.fn(async (_scope, options) =>
          options.cursor
            ? { records: [record('s1', 'older', now - 2000)] }
            : {
                records: [record('s2', 'newer', now - 1000)],
                nextCursor: 's2',
              },
        ),
      });
      const service = new LogsService({ providers: [store] });
      const pages = await service.exportPages(everyone, {}, 10);
      const bodies: string[] = [];
      for await (const page of pages) bodies.push(...page.map(r => r.body));
      expect(bodies).toEqual(['newer', 'older']);

      const picky = provider('picky', {
        search: jest.fn(async () => {
          throw new InputError('unsupported query');
        }),
      });
      await expect(
        new LogsService({ providers: [picky] }).exportPages(everyone, {}, 10),
      ).rejects.toBeInstanceOf(InputError);
    });

    it('does not export without a source that fails on the first page: a 503 naming it', async () => {
      const store = provider('store', {
        search: jest.fn(async () => ({
          records: [record('s1', 'stored', now - 1000)],
        })),
      });
      const loki = provider('loki', {
        search: jest.fn(async () => {
          throw new Error('loki: 502 Bad Gateway');
        }),
      });
      const service = new LogsService({ providers: [store, loki] });
      const failing = service.exportPages(everyone, {}, 10);
      await expect(failing).rejects.toBeInstanceOf(ServiceUnavailableError);
      await expect(failing).rejects.toThrow(
        'export incomplete: source loki failed: loki: 502 Bad Gateway',
      );

      // nor without the caller's tenants (they would read as "no records")
      const directory = {
        id: 'tenants:catalog',
        status: 'degraded' as const,
        error: 'Your tenants could not be listed',
      };
      await expect(
        new LogsService({ providers: [store] }).exportPages(
          { tenantIds: [], sources: [directory] },
          {},
          10,
        ),
      ).rejects.toThrow(
        'export incomplete: source tenants:catalog failed: Your tenants could not be listed',
      );
    });

    it('stops an export at the page where a source fails, after the complete pages', async () => {
      const store = provider('store', {
        search: jest.fn(async (_scope, options) =>
          options.cursor
            ? { records: [record('s1', 'older stored', now - 3000)] }
            : {
                records: [record('s2', 'newer stored', now - 1000)],
                nextCursor: 's2',
              },
        ),
      });
      const loki = provider('loki', {
        search: jest.fn(async (_scope, options) => {
          if (options.cursor) throw new Error('loki: 502 Bad Gateway');
          return {
            records: [record('l1', 'newer loki', now - 2000)],
            nextCursor: 'l1',
          };
        }),
      });
      const service = new LogsService({ providers: [store, loki] });
      // each source answers one record per page; loki fails when asked for its second
      const pages = await service.exportPages(everyone, {}, 1000);
      const bodies: string[] = [];
      const read = async () => {
        for await (const page of pages) bodies.push(...page.map(r => r.body));
      };
      await expect(read()).rejects.toThrow(
        'export incomplete: source loki failed: loki: 502 Bad Gateway',
      );
      expect(bodies).toEqual(['newer stored', 'newer loki']);
      expect(bodies).not.toContain('older stored');
    });
  });
});
