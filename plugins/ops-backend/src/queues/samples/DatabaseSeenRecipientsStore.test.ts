import { createTestDatabases } from '../../__testUtils__/databases';
import { DatabaseSeenRecipientsStore } from './DatabaseSeenRecipientsStore';

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
});
