import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseNoticeStore } from './DatabaseNoticeStore';

jest.setTimeout(60_000);

const notice = (tenantId: string, sentAt: string, subject: string) => ({
  tenantId,
  templateId: 'security-alert',
  to: 'ada@acme.example',
  subject,
  body: 'Body',
  delivery: 'captured' as const,
  sentAt,
  reason: 'spike',
  actor: 'user:default/admin',
});

describe('DatabaseNoticeStore', () => {
  const databases = createTestDatabases();

  it.each(databases.ids)(
    'stores notices and lists a tenant’s newest first on %p',
    async id => {
      const store = DatabaseNoticeStore.create(await databases.init(id));
      await store.insert(notice('acme', '2026-11-26T01:00:00.000Z', 'first'));
      const second = await store.insert({
        ...notice('acme', '2026-11-26T02:00:00.000Z', 'second'),
        delivery: 'smtp',
        messageId: '<m1@example>',
      });
      await store.insert(notice('globex', '2026-11-26T03:00:00.000Z', 'other'));
      await store.insert(notice('acme', '2026-11-26T02:00:00.000Z', 'third'));

      const listed = await store.list('acme', 10);
      expect(listed.map(n => n.subject)).toEqual(['third', 'second', 'first']);
      expect(listed[1]).toEqual(second);
      expect(await store.list('acme', 1)).toHaveLength(1);
    },
  );
});
