import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseAuditStore } from './DatabaseAuditStore';

jest.setTimeout(60_000);

describe('DatabaseAuditStore', () => {
  const databases = createTestDatabases();

  it.each(databases.ids)(
    'appends and lists newest first, filtered by target, on %p',
    async id => {
      const store = DatabaseAuditStore.create(await databases.init(id));
      await store.append({
        actor: 'user:default/a',
        action: 'health-probe',
        targetRef: 'component:default/x',
        outcome: 'success',
        details: { status: 'pass' },
        time: '2026-11-25T10:00:00.000Z',
      });
      await store.append({
        actor: 'user:default/b',
        action: 'health-probe',
        targetRef: 'component:default/y',
        outcome: 'failure',
        time: '2026-11-25T10:01:00.000Z',
      });
      const all = await store.list({ limit: 10 });
      expect(all.map(e => [e.actor, e.outcome, e.time])).toEqual([
        ['user:default/b', 'failure', '2026-11-25T10:01:00.000Z'],
        ['user:default/a', 'success', '2026-11-25T10:00:00.000Z'],
      ]);
      expect(
        await store.list({ limit: 10, targetRef: 'component:default/x' }),
      ).toEqual([
        expect.objectContaining({
          action: 'health-probe',
          details: { status: 'pass' },
          targetRef: 'component:default/x',
        }),
      ]);
      expect(await store.list({ limit: 1 })).toHaveLength(1);
    },
  );
});
