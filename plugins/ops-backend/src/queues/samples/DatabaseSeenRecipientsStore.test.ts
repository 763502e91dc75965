import { createTestDatabases } from '../../__testUtils__/databases';
import { DatabaseSeenRecipientsStore } from './DatabaseSeenRecipientsStore';
import { enforceSeenRecipientsRetention } from './seenRecipientsRetention';

jest.setTimeout(60_000);

const hash = (n: number) => n.toString(16).padStart(64, '0');

describe('DatabaseSeenRecipientsStore', () => {
  const databases = createTestDatabases();

  it.each(databases.ids)(
    'keeps the earliest first-seen time per tenant and recipient on %p',
    async id => {
      const knex = await databases.init(id);
      const store = DatabaseSeenRecipientsStore.create(knex);
      await store.record('acme', [
        { hash: hash(1), seenAt: 5_000 },
        { hash: hash(1), seenAt: 3_000 },
        { hash: hash(2), seenAt: 9_000 },
      ]);
      await store.record('acme', [
        { hash: hash(1), seenAt: 8_000 },
        { hash: hash(2), seenAt: 1_000 },
      ]);
      await store.record('globex', [{ hash: hash(3), seenAt: 1 }]);

      expect(
        await store.seenBefore('acme', [hash(1), hash(2), hash(3)], 3_001),
      ).toEqual(new Set([hash(1), hash(2)]));
      expect(await store.seenBefore('acme', [hash(1)], 3_000)).toEqual(
        new Set(),
      );
      expect(await store.seenBefore('globex', [hash(1), hash(3)], 2)).toEqual(
        new Set([hash(3)]),
      );
      const rows = await knex('ops_queue_seen_recipients')
        .where({ tenant_id: 'acme', recipient_hash: hash(1) })
        .select();
      expect(Number(rows[0].first_seen_at)).toBe(3_000);
      expect(Number(rows[0].last_seen_at)).toBe(8_000);
    },
  );

  it.each(databases.ids)(
    'records and looks up thousands of recipients at once on %p',
    async id => {
      const store = DatabaseSeenRecipientsStore.create(
        await databases.init(id),
      );
      const many = Array.from({ length: 2_500 }, (_, i) => ({
        hash: hash(i),
        seenAt: i,
      }));
      await store.record('acme', many);
      const seen = await store.seenBefore(
        'acme',
        many.map(m => m.hash),
        1_000,
      );
      expect(seen.size).toBe(1_000);
    },
  );

  it.each(databases.ids)(
    'forgets recipients last seen before a time, in batches, oldest first, on %p',
    async id => {
      const knex = await databases.init(id);
      const store = DatabaseSeenRecipientsStore.create(knex);
      // acme: hash(i) last seen at i * 1000 (0..9); globex: one old, one recent
      await store.record(
        'acme',
        Array.from({ length: 10 }, (_, i) => ({
          hash: hash(i),
          seenAt: i * 1000,
        })),
      );
      await store.record('globex', [
        { hash: hash(0), seenAt: 500 },
        { hash: hash(1), seenAt: 50_000 },
      ]);
      // first seen long ago, but seen again recently: kept
      await store.record('acme', [{ hash: hash(0), seenAt: 60_000 }]);

      expect(await store.deleteLastSeenBefore(5_000, 2)).toBe(2);
      const left = async () =>
        (
          await knex('ops_queue_seen_recipients')
            .orderBy(['tenant_id', 'recipient_hash'])
            .select('tenant_id', 'recipient_hash')
        ).map(r => `${r.tenant_id}:${parseInt(r.recipient_hash, 16)}`);
      // the two oldest: globex 0 (500) and acme 1 (1000)
      expect(await left()).toEqual([
        'acme:0',
        'acme:2',
        'acme:3',
        'acme:4',
        'acme:5',
        'acme:6',
        'acme:7',
        'acme:8',
        'acme:9',
        'globex:1',
      ]);
      expect(await store.deleteLastSeenBefore(5_000, 100)).toBe(3);
      expect(await store.deleteLastSeenBefore(5_000, 100)).toBe(0);
      expect(await left()).toEqual([
        'acme:0',
        'acme:5',
        'acme:6',
        'acme:7',
        'acme:8',
        'acme:9',
        'globex:1',
      ]);
      // a forgotten recipient that comes back is new again
      expect(await store.seenBefore('acme', [hash(2)], 100_000)).toEqual(
        new Set(),
      );
    },
  );

  it.each(databases.ids)(
    'drops every hash past the retention across batches and keeps the rest on %p',
    async id => {
      const knex = await databases.init(id);
      const store = DatabaseSeenRecipientsStore.create(knex);
      const DAY = 24 * 3_600_000;
      const now = Date.parse('2026-11-26T10:00:00.000Z');
      await store.record(
        'acme',
        Array.from({ length: 1_200 }, (_, i) => ({
          hash: hash(i),
          // 0..1199 hours ago: 50 days
          seenAt: now - i * 3_600_000,
        })),
      );
      const deleteCalls: number[] = [];
      const deleted = await enforceSeenRecipientsRetention(
        {
          deleteLastSeenBefore: async (before, batchSize) => {
            const n = await store.deleteLastSeenBefore(before, batchSize);
            deleteCalls.push(n);
            return n;
          },
        },
        30 * DAY,
        now,
        250,
      );
      // older than 30 days: hours 721..1199
      expect(deleted).toBe(479);
      expect(deleteCalls).toEqual([250, 229]);
      const [{ n }] = await knex('ops_queue_seen_recipients').count({ n: '*' });
      expect(Number(n)).toBe(721);
      const [{ oldest }] = await knex('ops_queue_seen_recipients').min({
        oldest: 'last_seen_at',
      });
      expect(Number(oldest)).toBe(now - 720 * 3_600_000);
    },
  );
});
