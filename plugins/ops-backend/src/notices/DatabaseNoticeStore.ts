import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { toMillis } from '../database/migrations';
import { NoticeStore, StoredNotice } from './NoticeStore';

const TABLE = 'ops_tenant_notices';

/** Knex implementation of {@link NoticeStore}, for SQLite and Postgres. */
export class DatabaseNoticeStore implements NoticeStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseNoticeStore {
    return new DatabaseNoticeStore(db);
  }

  async insert(notice: Omit<StoredNotice, 'id'>): Promise<StoredNotice> {
    const stored = { ...notice, id: randomUUID() };
    await this.db(TABLE).insert({
      id: stored.id,
      tenant_id: stored.tenantId,
      template_id: stored.templateId,
      recipient: stored.to,
      subject: stored.subject,
      body: stored.body,
      delivery: stored.delivery,
      message_id: stored.messageId ?? null,
      reason: stored.reason,
      actor: stored.actor,
      sent_at: Date.parse(stored.sentAt),
    });
    return stored;
  }

  async list(tenantId: string, limit: number): Promise<StoredNotice[]> {
    const rows: Array<Record<string, any>> = await this.db(TABLE)
      .where('tenant_id', tenantId)
      .orderBy([
        { column: 'sent_at', order: 'desc' },
        { column: 'seq', order: 'desc' },
      ])
      .limit(limit)
      .select();
    return rows.map(r => ({
      id: r.id,
      tenantId: r.tenant_id,
      templateId: r.template_id,
      to: r.recipient,
      subject: r.subject,
      body: r.body,
      delivery: r.delivery,
      messageId: r.message_id ?? undefined,
      reason: r.reason,
      actor: r.actor,
      sentAt: new Date(toMillis(r.sent_at)!).toISOString(),
    }));
  }
}
